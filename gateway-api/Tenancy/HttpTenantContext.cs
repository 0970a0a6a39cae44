namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// Reads the tenant that <see cref="TenantResolutionMiddleware"/> stored on the request.
/// </summary>
public sealed class HttpTenantContext(IHttpContextAccessor accessor) : ITenantContext
{
    internal const string ItemKey = "icpsearch.tenant";

    /// <inheritdoc />
    public string TenantId => accessor.HttpContext?.Items[ItemKey] as string
        ?? throw new InvalidOperationException("No tenant was resolved for this request.");
}
