namespace IcpSearch.Grains.ApiKeys;

/// <summary>
/// <see cref="IApiKeyStore"/> over <c>api_keys</c>.
/// </summary>
public sealed class NpgsqlApiKeyStore(NpgsqlDataSource dataSource) : IApiKeyStore
{
    /// <inheritdoc />
    public async Task InsertAsync(string keyId, string tenantId, byte[] secretHash, string? label, CancellationToken cancellationToken = default)
    {
        const string sql = "INSERT INTO api_keys (key_id, tenant_id, secret_hash, label) VALUES (@key_id, @tenant_id, @secret_hash, @label)";
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("key_id", keyId);
        command.Parameters.AddWithValue("tenant_id", tenantId);
        command.Parameters.AddWithValue("secret_hash", secretHash);
        command.Parameters.Add(new NpgsqlParameter<string?>("label", label) { NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<StoredApiKey?> FindAsync(string keyId, CancellationToken cancellationToken = default)
    {
        const string sql = "SELECT tenant_id, secret_hash FROM api_keys WHERE key_id = @key_id AND revoked_at IS NULL";
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("key_id", keyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredApiKey(reader.GetString(0), reader.GetFieldValue<byte[]>(1))
            : null;
    }
}
