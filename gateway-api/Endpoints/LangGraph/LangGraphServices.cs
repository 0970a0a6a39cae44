using IcpSearch.Gateway.Tenancy;

namespace IcpSearch.Gateway.Endpoints.LangGraph;

/// <summary>
/// What the LangGraph handlers need: the cluster client, the request's tenant and the request itself (bodies are
/// read by hand, whatever their Content-Type).
/// </summary>
public sealed class LangGraphServices(IClusterClient cluster, ITenantContext tenant, HttpContext http)
{
    public IClusterClient Cluster { get; } = cluster;

    public ITenantContext Tenant { get; } = tenant;

    public HttpContext Http { get; } = http;
}
