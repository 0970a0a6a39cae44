namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// Marks endpoints (or whole groups) as acting for a tenant.
/// </summary>
public static class TenantEndpointExtensions
{
    /// <summary>Requires an authenticated caller (when auth is on) and a resolved tenant for every endpoint of the builder.</summary>
    public static TBuilder RequireTenant<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
        => builder.RequireAuthorization().WithMetadata(RequiresTenantMetadata.Instance);
}
