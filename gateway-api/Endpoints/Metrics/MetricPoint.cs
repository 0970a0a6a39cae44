namespace IcpSearch.Gateway.Endpoints.Metrics;

/// <summary>One point of a series: the minute it starts and its value (null when the minute had no samples).</summary>
public sealed record MetricPoint(DateTimeOffset At, double? Value);
