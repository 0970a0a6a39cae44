namespace IcpSearch.Gateway.Endpoints.Metrics;

/// <summary>A client-measured time to first byte.</summary>
/// <param name="Ms">Milliseconds, greater than 0 and less than 600,000.</param>
/// <param name="Route">What was measured, e.g. "chat": 1-64 characters of a-z, 0-9, '_', '/' or '-'.</param>
public sealed record TtfbReport(double? Ms, string? Route);
