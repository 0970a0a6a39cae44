using System.Text.Json.Serialization;

namespace IcpSearch.Gateway.Endpoints.Metrics;

/// <summary>Per-minute series over the window, oldest first.</summary>
public sealed record MetricsSeries(
    IReadOnlyList<MetricPoint> RowsPerMinute,
    [property: JsonPropertyName("chat_ttfb_p95_server_ms")] IReadOnlyList<MetricPoint> ChatTtfbP95ServerMs,
    [property: JsonPropertyName("chat_ttfb_p95_client_ms")] IReadOnlyList<MetricPoint> ChatTtfbP95ClientMs);
