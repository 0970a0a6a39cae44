namespace IcpSearch.Gateway.Endpoints.Jobs;

/// <summary>The job a request created (or reused).</summary>
public sealed record JobCreated(long JobId, bool Reused, long Total);
