namespace IcpSearch.GrainInterfaces.Operations;

/// <summary>
/// What a metrics reader has already seen.
/// </summary>
/// <param name="BatchCursor">Gets the finish time of the last batch already observed.</param>
/// <param name="JobCursor">Gets the end time of the last job already observed.</param>
/// <param name="WindowMinutes">Gets the window for rates and percentiles, in minutes.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.JobStatsRequest")]
public sealed record JobStatsRequest(DateTimeOffset BatchCursor, DateTimeOffset JobCursor, int WindowMinutes);
