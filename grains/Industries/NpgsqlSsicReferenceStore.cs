using System.Collections.Concurrent;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// Loads the newest SSIC reference version with its title vectors, once per version and import.
/// </summary>
/// <remarks>
/// A version imported before vectors existed (or by another model) gets its missing vectors computed and stored
/// on first load, so every version resolves by meaning.
/// </remarks>
public sealed class NpgsqlSsicReferenceStore(NpgsqlDataSource dataSource, ITextEmbedder embedder)
{
    private const string CurrentSql = "SELECT version, imported_at FROM ssic_versions ORDER BY imported_at DESC, version DESC LIMIT 1";

    private const string RowsSql = """
        SELECT r.code, r.level, r.title, v.vector
        FROM ssic_ref r
        LEFT JOIN ssic_vectors v ON v.version = r.version AND v.code = r.code AND v.model = @model
        WHERE r.version = @version
        ORDER BY r.code
        """;

    private const string StoreVectorsSql = """
        INSERT INTO ssic_vectors (version, model, code, vector)
        VALUES (@version, @model, @code, @vector)
        ON CONFLICT DO NOTHING
        """;

    private readonly ConcurrentDictionary<string, Lazy<Task<SsicReference>>> _loaded = new(StringComparer.Ordinal);

    /// <summary>Gets the model whose vectors this store loads.</summary>
    public ITextEmbedder Embedder => embedder;

    /// <summary>Returns the newest reference, or null when none was imported.</summary>
    public async Task<SsicReference?> GetCurrentAsync(CancellationToken cancellationToken)
    {
        string version;
        DateTime importedAt;
        await using (var command = dataSource.CreateCommand(CurrentSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            version = reader.GetString(0);
            importedAt = reader.GetDateTime(1);
        }

        var key = $"{version}@{importedAt.Ticks}";
        if (_loaded.TryGetValue(key, out var existing))
        {
            return await existing.Value;
        }

        // Keep only the newest version in memory: older ones are never searched again.
        foreach (var old in _loaded.Keys.Where(k => k != key))
        {
            _loaded.TryRemove(old, out _);
        }

        var lazy = _loaded.GetOrAdd(key, k => new Lazy<Task<SsicReference>>(() => LoadAsync(k, version)));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            _loaded.TryRemove(key, out _);
            throw;
        }
    }

    private async Task<SsicReference> LoadAsync(string key, string version)
    {
        var rows = new List<SsicReferenceRow>();
        var vectors = new List<float[]?>();
        await using (var command = dataSource.CreateCommand(RowsSql))
        {
            command.Parameters.AddWithValue("version", version);
            command.Parameters.AddWithValue("model", embedder.Model);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new SsicReferenceRow(reader.GetString(0), reader.GetInt16(1), reader.GetString(2)));
                vectors.Add(reader.IsDBNull(3) ? null : reader.GetFieldValue<float[]>(3));
            }
        }

        var missing = Enumerable.Range(0, rows.Count).Where(i => vectors[i] is null || vectors[i]!.Length != embedder.Dimensions).ToList();
        if (missing.Count > 0)
        {
            var computed = embedder.Embed(missing.Select(i => SsicTitleText.ForEmbedding(rows[i].Title)).ToList());
            for (var j = 0; j < missing.Count; j++)
            {
                vectors[missing[j]] = computed[j];
            }

            // A version replaced meanwhile takes its vectors with it (cascade): nothing to store for it then.
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var batch = new NpgsqlBatch(connection);
            foreach (var (i, vector) in missing.Zip(computed))
            {
                var insert = new NpgsqlBatchCommand(StoreVectorsSql);
                insert.Parameters.AddWithValue("version", version);
                insert.Parameters.AddWithValue("model", embedder.Model);
                insert.Parameters.AddWithValue("code", rows[i].Code);
                insert.Parameters.Add(new NpgsqlParameter<float[]>("vector", vector));
                batch.BatchCommands.Add(insert);
            }

            try
            {
                await batch.ExecuteNonQueryAsync();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
            }
        }

        var matrix = new float[rows.Count * embedder.Dimensions];
        for (var i = 0; i < rows.Count; i++)
        {
            vectors[i]!.CopyTo(matrix, i * embedder.Dimensions);
        }

        return new SsicReference(key, rows, matrix, embedder.Dimensions);
    }
}
