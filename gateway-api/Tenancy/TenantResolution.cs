namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// The outcome of resolving a request's tenant: the tenant, or the problem to answer with.
/// </summary>
/// <param name="TenantId">Gets the tenant, or null when the request is refused.</param>
/// <param name="Status">Gets the HTTP status of the refusal (400 or 403), or 0.</param>
/// <param name="Code">Gets the problem code of the refusal, or null.</param>
/// <param name="Detail">Gets what the caller should change, or null.</param>
public sealed record TenantResolution(string? TenantId, int Status, string? Code, string? Detail)
{
    public static TenantResolution Resolved(string tenantId) => new(tenantId, 0, null, null);

    public static TenantResolution Refused(int status, string code, string detail) => new(null, status, code, detail);
}
