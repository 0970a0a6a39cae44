using System.Text.RegularExpressions;
using IcpSearch.Gateway.Diagnostics;
using IcpSearch.Gateway.Endpoints.Common;
using IcpSearch.Gateway.Errors;
using IcpSearch.GrainInterfaces.Operations;
using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Endpoints.Metrics;

/// <summary>
/// The console's metrics (this tenant's job and lead figures, the service's chat TTFB) and the client TTFB reports
/// that close the loop. The Prometheus exposition is mapped separately at <c>/metrics</c>.
/// </summary>
public static partial class MetricsEndpoints
{
    /// <summary>The rate-limiter policy of client TTFB reports.</summary>
    public const string TtfbPolicy = "ttfb-reports";

    /// <summary>The exclusive upper bound of a reported TTFB: ten minutes.</summary>
    public const double MaxTtfbMs = 600_000;

    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/metrics", GetMetricsAsync).WithTags("Metrics").WithName("GetMetrics")
            .WithSummary("Returns rows/min, job duration p95, chat TTFB p95 (server and client), job and lead totals and per-minute series.")
            .WithDescription("Job and lead figures are this tenant's; chat TTFB is the service's. Series have one point per minute of the window; value is null for a minute without samples.");
        app.MapPost("/metrics/ttfb", ReportTtfb).WithTags("Metrics").WithName("ReportTtfb")
            .WithSummary("Records a client-measured time to first byte: 0 < ms < 600000, route 1-64 characters of a-z 0-9 _ / -.")
            .Accepts<TtfbReport>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(TtfbPolicy);
        return app;
    }

    public static async Task<Ok<MetricsResponse>> GetMetricsAsync(
        [AsParameters] GatewayServices services, GatewayInstruments instruments, IOptions<MetricsOptions> options, TimeProvider time)
    {
        var window = options.Value.WindowMinutes;
        var now = time.GetUtcNow();
        // Cursors at "now": the console needs no histogram samples, only the figures.
        var stats = await services.Cluster.GetGrain<IOperationsGrain>(0)
            .GetJobStatsAsync(new JobStatsRequest(now, now, window, services.Tenant.TenantId));
        var byStatus = stats.JobsByStatus;
        return TypedResults.Ok(new MetricsResponse(
            RowsPerMinute: Math.Round(stats.RowsPerMinute, 2),
            JobDurationP95Ms: stats.JobDurationP95Ms is { } p95 ? Math.Round(p95, 1) : null,
            ChatTtfbP95Ms: new ChatTtfb(instruments.ServerChatTtfb.Percentile(95), instruments.ClientChatTtfb.Percentile(95)),
            JobsProcessed: stats.JobsDone,
            RowsProcessedTotal: stats.RowsProcessedTotal,
            LeadScoresTotal: stats.LeadScoresTotal,
            JobsByStatus: new JobsByStatus(
                byStatus.GetValueOrDefault("queued"), byStatus.GetValueOrDefault("running"), byStatus.GetValueOrDefault("done"),
                byStatus.GetValueOrDefault("error"), byStatus.GetValueOrDefault("cancelled")),
            QueueDepth: stats.QueueDepthRows,
            WindowMinutes: window,
            Series: new MetricsSeries(
                stats.RowsPerMinuteSeries.Select(p => new MetricPoint(p.At, p.Value)).ToList(),
                instruments.ServerChatTtfb.PerMinute(95).Select(p => new MetricPoint(p.At, p.Value)).ToList(),
                instruments.ClientChatTtfb.PerMinute(95).Select(p => new MetricPoint(p.At, p.Value)).ToList())));
    }

    public static Results<Accepted, ProblemHttpResult> ReportTtfb(TtfbReport report, GatewayInstruments instruments)
    {
        if (report.Ms is not { } ms || double.IsNaN(ms) || ms <= 0 || ms >= MaxTtfbMs)
        {
            return Problems.Invalid("ms", $"ms must be a number greater than 0 and less than {MaxTtfbMs:0}.");
        }

        if (report.Route is not { } route || !RoutePattern().IsMatch(route))
        {
            return Problems.Invalid("route", "route must be 1-64 characters of a-z, 0-9, '_', '/' or '-'.");
        }

        instruments.OnClientTtfbReported(ms, route);
        return TypedResults.Accepted((string?)null);
    }

    [GeneratedRegex("^[a-z0-9_/-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoutePattern();
}
