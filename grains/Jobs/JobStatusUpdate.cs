using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A status transition mirrored into <c>background_jobs</c> (progress columns are left to the batch commits).
/// </summary>
public sealed record JobStatusUpdate(
    long JobId,
    JobStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? NextRunAt,
    string? Error,
    string? ErrorCode);
