using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A job's row in <c>background_jobs</c>: progress committed with the batches, and the last status written.
/// </summary>
public sealed record JobMirror(
    long JobId,
    string TenantId,
    string JobType,
    JobStatus Status,
    long Processed,
    long Total,
    int Batches,
    string? CursorUen,
    DateTimeOffset CreatedAt,
    StagingUpsertJobSpec Spec);
