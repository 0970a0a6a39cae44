namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// The tenant the current request acts for, resolved once per request before any endpoint runs.
/// </summary>
public interface ITenantContext
{
    /// <summary>Gets the tenant id; endpoints that need a tenant are only reached when one was resolved.</summary>
    string TenantId { get; }
}
