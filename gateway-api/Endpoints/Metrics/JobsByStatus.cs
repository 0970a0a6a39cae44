namespace IcpSearch.Gateway.Endpoints.Metrics;

/// <summary>Jobs in each status.</summary>
public sealed record JobsByStatus(long Queued, long Running, long Done, long Error, long Cancelled);
