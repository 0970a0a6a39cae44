using IcpSearch.GrainInterfaces.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IcpSearch.Gateway.Extensions;

/// <summary>
/// Healthy while a grain call through the cluster reaches a silo that reaches the database.
/// </summary>
public sealed class ClusterHealthCheck(IClusterClient cluster) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var ok = await cluster.GetGrain<IOperationsGrain>(0).PingDatabaseAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return ok ? HealthCheckResult.Healthy("a silo answered and reached the database") : HealthCheckResult.Unhealthy("the silo could not reach the database");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("no silo answered", ex);
        }
    }
}
