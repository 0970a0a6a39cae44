namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// Endpoint metadata: the endpoint acts for a tenant, which must be resolved before it runs.
/// </summary>
public sealed class RequiresTenantMetadata
{
    public static readonly RequiresTenantMetadata Instance = new();
}
