namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// How requests are attributed to tenants.
/// </summary>
public sealed class TenantOptions
{
    /// <summary>Gets or sets the tenant used when a request names none (<c>DEFAULT_TENANT</c>); only honoured in development mode. Default: none.</summary>
    public string? DefaultTenant { get; set; }
}
