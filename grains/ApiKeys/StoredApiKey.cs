namespace IcpSearch.Grains.ApiKeys;

/// <summary>
/// An active row of <c>api_keys</c>.
/// </summary>
/// <param name="TenantId">Gets the tenant the key acts for.</param>
/// <param name="SecretHash">Gets the SHA-256 of the key's secret.</param>
public sealed record StoredApiKey(string TenantId, byte[] SecretHash);
