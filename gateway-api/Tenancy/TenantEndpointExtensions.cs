namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// Marks endpoints (or whole groups) as acting for a tenant.
/// </summary>
public static class TenantEndpointExtensions
{
    /// <summary>Requires a resolved tenant for every endpoint of the builder.</summary>
    public static TBuilder RequireTenant<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(RequiresTenantMetadata.Instance);
}
