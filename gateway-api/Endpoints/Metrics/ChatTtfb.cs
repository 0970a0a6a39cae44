namespace IcpSearch.Gateway.Endpoints.Metrics;

/// <summary>Chat TTFB p95 in milliseconds over the window, as measured by the server and as reported by clients; null without samples.</summary>
public sealed record ChatTtfb(double? Server, double? Client);
