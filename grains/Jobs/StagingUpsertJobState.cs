using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The persistent state of a staging upsert job: its row in <c>background_jobs</c>, through <see cref="BackgroundJobGrainStorage"/>
/// (which maps columns, so the type is never serialized).
/// </summary>
public sealed class StagingUpsertJobState
{
    public StagingUpsertJobSpec? Spec { get; set; }

    public JobStatus Status { get; set; }

    public long Processed { get; set; }

    public int Batches { get; set; }

    /// <summary>Gets or sets the UEN of the last committed row; null before the first batch.</summary>
    public string? CursorUen { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? RunStartedAt { get; set; }

    /// <summary>Gets or sets the rows processed by the current run, compared against the per-run cap.</summary>
    public long RunProcessed { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Gets or sets the end of the window the current run belongs to; null for a run outside any window.</summary>
    public DateTimeOffset? RunEndsAt { get; set; }

    public DateTimeOffset? NextRunAt { get; set; }

    public string? Error { get; set; }

    public string? ErrorCode { get; set; }

    /// <summary>Gets or sets the consecutive failed attempts of the current batch.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Gets or sets the batch to commit with the next write, or null; never serialized.</summary>
    public JobBatchWrite? PendingBatch { get; set; }

    /// <summary>Returns a copy to restore when a transition cannot be saved.</summary>
    public StagingUpsertJobState Clone() => (StagingUpsertJobState)MemberwiseClone();
}
