namespace IcpSearch.GrainInterfaces.Operations;

/// <summary>
/// What a metrics reader has already seen, and whose figures it wants.
/// </summary>
/// <param name="BatchCursor">Gets the finish time of the last batch already observed.</param>
/// <param name="JobCursor">Gets the end time of the last job already observed.</param>
/// <param name="WindowMinutes">Gets the window for rates and percentiles, in minutes.</param>
/// <param name="TenantId">Gets the tenant whose jobs, batches and scores are counted, or null for the whole service.
/// Added after the first release: older callers omit it and get service-wide figures, as before.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.JobStatsRequest")]
public sealed record JobStatsRequest(DateTimeOffset BatchCursor, DateTimeOffset JobCursor, int WindowMinutes, string? TenantId = null);
