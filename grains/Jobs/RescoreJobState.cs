using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The persistent state of a re-scoring job: its row in <c>background_jobs</c>, through
/// <see cref="RescoreJobGrainStorage"/> (which maps columns, so the type is never serialized).
/// </summary>
public sealed class RescoreJobState
{
    /// <summary>Gets or sets the tenant and the profile the current pass scores under.</summary>
    public RescoreJobSpec? Spec { get; set; }

    public JobStatus Status { get; set; }

    /// <summary>Gets or sets the scores re-scored by the current pass (a restart begins a new pass at 0).</summary>
    public long Processed { get; set; }

    /// <summary>Gets or sets the tenant's lead scores counted when the current pass began.</summary>
    public long Total { get; set; }

    /// <summary>Gets or sets the batches committed over every pass (batch numbers never repeat).</summary>
    public int Batches { get; set; }

    /// <summary>Gets or sets the company id of the last score the current pass committed; null before its first batch.</summary>
    public long? CursorCompanyId { get; set; }

    /// <summary>
    /// Gets or sets when the current pass began (whole microseconds): every score the pass writes gets it as its
    /// <c>scored_at</c>, so a score with another <c>scored_at</c> was written by someone else since the pass read it.
    /// </summary>
    public DateTimeOffset? PassStartedAt { get; set; }

    /// <summary>Gets or sets whether the walk is done and the pass is re-scoring what others wrote meanwhile.</summary>
    public bool CatchingUp { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public DateTimeOffset? NextRunAt { get; set; }

    public string? Error { get; set; }

    public string? ErrorCode { get; set; }

    /// <summary>Gets or sets the consecutive failed attempts of the current batch.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Gets or sets the scores to commit with the next write, or null; never serialized.</summary>
    public RescoreBatchWrite? PendingBatch { get; set; }

    /// <summary>Returns a copy to restore when a transition cannot be saved.</summary>
    public RescoreJobState Clone() => (RescoreJobState)MemberwiseClone();
}
