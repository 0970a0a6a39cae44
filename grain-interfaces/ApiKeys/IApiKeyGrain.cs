namespace IcpSearch.GrainInterfaces.ApiKeys;

/// <summary>
/// Checks API keys against the stored hashes. A stateless worker; use key 0.
/// </summary>
[Alias("IcpSearch.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithIntegerKey
{
    /// <summary>Returns the tenant of the key, or null when no active key has this id and secret hash.</summary>
    /// <param name="keyId">The key's public id (see <see cref="ApiKeyFormat"/>).</param>
    /// <param name="secretHash">The SHA-256 of the key's secret part; the secret itself never leaves the caller.</param>
    [ReadOnly, Alias("VerifyAsync")]
    Task<string?> VerifyAsync(string keyId, byte[] secretHash);
}
