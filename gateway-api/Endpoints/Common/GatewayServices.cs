using IcpSearch.Gateway.Tenancy;

namespace IcpSearch.Gateway.Endpoints.Common;

/// <summary>
/// What most handlers need: the cluster client and the request's tenant.
/// </summary>
public sealed class GatewayServices(IClusterClient cluster, ITenantContext tenant)
{
    public IClusterClient Cluster { get; } = cluster;

    public ITenantContext Tenant { get; } = tenant;
}
