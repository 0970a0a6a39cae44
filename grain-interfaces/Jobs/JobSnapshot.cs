namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// A background job's progress: from its grain, or (in listings) from its row in <c>background_jobs</c>.
/// </summary>
/// <param name="JobId">Gets the job id.</param>
/// <param name="JobType">Gets the job type, e.g. staging_upsert.</param>
/// <param name="TenantId">Gets the owning tenant.</param>
/// <param name="Status">Gets the life-cycle status.</param>
/// <param name="Processed">Gets the number of distinct rows written so far.</param>
/// <param name="Total">Gets the number of rows the job covers.</param>
/// <param name="Batches">Gets the number of batches committed.</param>
/// <param name="Error">Gets the last error message, or null.</param>
/// <param name="ErrorCode">Gets a stable error code such as db_unavailable, or null.</param>
/// <param name="CreatedAt">Gets when the job was created.</param>
/// <param name="StartedAt">Gets when the first run started, or null.</param>
/// <param name="EndedAt">Gets when the job reached a terminal status, or null.</param>
/// <param name="NextRunAt">Gets when the next run is due, or null when none is.</param>
/// <param name="Terms">Gets the terms the job came from.</param>
/// <param name="Silo">Gets the silo hosting the job's grain, or null in listings read from the database.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.JobSnapshot")]
public sealed record JobSnapshot(
    long JobId,
    string JobType,
    string TenantId,
    JobStatus Status,
    long Processed,
    long Total,
    int Batches,
    string? Error,
    string? ErrorCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? NextRunAt,
    IReadOnlyList<string> Terms,
    string? Silo)
{
    /// <summary>Gets the rows still to process.</summary>
    public long Remaining => Math.Max(0, Total - Processed);
}
