namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// How requests are attributed to tenants.
/// </summary>
public sealed class TenantOptions
{
    /// <summary>Gets or sets the tenant used when a request names none (<c>DEFAULT_TENANT</c>); only honoured in development mode. Default: none.</summary>
    public string? DefaultTenant { get; set; }

    /// <summary>
    /// Gets or sets whether a bearer token must name its tenant (<c>REQUIRE_TENANT_CLAIM</c>): a token with neither
    /// <c>tenant_id</c> nor <c>tenants</c> is refused (403) instead of acting for the <c>X-Tenant-ID</c> header.
    /// Turn it on when the identity provider issues tenant claims; a claimless token can otherwise act for any tenant
    /// it names. Default: false.
    /// </summary>
    public bool RequireTenantClaim { get; set; }
}
