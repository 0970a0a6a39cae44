namespace IcpSearch.Grains.ApiKeys;

/// <summary>
/// The <c>api_keys</c> table: per-tenant keys for the LangGraph API, stored as hashes only.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key's id and secret hash for a tenant.</summary>
    Task InsertAsync(string keyId, string tenantId, byte[] secretHash, string? label, CancellationToken cancellationToken = default);

    /// <summary>Returns the active (not revoked) key with this id, or null.</summary>
    Task<StoredApiKey?> FindAsync(string keyId, CancellationToken cancellationToken = default);
}
