namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// A job as mirrored in <c>background_jobs</c>.
/// </summary>
/// <param name="JobId">Gets the job id.</param>
/// <param name="JobType">Gets the job type.</param>
/// <param name="Status">Gets the status.</param>
/// <param name="Processed">Gets the rows processed.</param>
/// <param name="Total">Gets the rows covered.</param>
/// <param name="Batches">Gets the batches committed.</param>
/// <param name="Error">Gets the last error, or null.</param>
/// <param name="ErrorCode">Gets the error code, or null.</param>
/// <param name="CreatedAt">Gets the creation time.</param>
/// <param name="StartedAt">Gets the first start, or null.</param>
/// <param name="EndedAt">Gets the end, or null.</param>
/// <param name="NextRunAt">Gets the next run, or null.</param>
/// <param name="Terms">Gets the search terms.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.JobRow")]
public sealed record JobRow(
    long JobId,
    string JobType,
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
    IReadOnlyList<string> Terms)
{
    /// <summary>Gets the rows still to process.</summary>
    public long Remaining => Math.Max(0, Total - Processed);
}
