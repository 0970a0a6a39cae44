using System.Text.Json.Serialization;

namespace IcpSearch.Gateway.Endpoints.Metrics;

/// <summary>The console's metrics.</summary>
public sealed record MetricsResponse(
    double RowsPerMinute,
    [property: JsonPropertyName("job_duration_p95_ms")] double? JobDurationP95Ms,
    [property: JsonPropertyName("chat_ttfb_p95_ms")] ChatTtfb ChatTtfbP95Ms,
    long JobsProcessed,
    long RowsProcessedTotal,
    long LeadScoresTotal,
    JobsByStatus JobsByStatus,
    long QueueDepth,
    int WindowMinutes,
    MetricsSeries Series);
