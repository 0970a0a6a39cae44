using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The persistent state of a re-scoring job: its row in <c>background_jobs</c>, through
/// <see cref="RescoreJobGrainStorage"/> (which maps columns). Orleans serializes it only to
/// carry a live activation to another silo when its silo shuts down; the pending batch never goes along.
/// </summary>
[GenerateSerializer, Alias("IcpSearch.RescoreJobState")]
public sealed class RescoreJobState : IJobRowState<RescoreJobState>
{
    /// <summary>Gets or sets the tenant and the profile the current pass scores under.</summary>
    [Id(0)]
    public RescoreJobSpec? Spec { get; set; }

    [Id(1)]
    public JobStatus Status { get; set; }

    /// <summary>Gets or sets the scores re-scored by the current pass (a restart begins a new pass at 0).</summary>
    [Id(2)]
    public long Processed { get; set; }

    /// <summary>Gets or sets the tenant's lead scores counted when the current pass began.</summary>
    [Id(3)]
    public long Total { get; set; }

    /// <summary>Gets or sets the batches committed over every pass (batch numbers never repeat).</summary>
    [Id(4)]
    public int Batches { get; set; }

    /// <summary>Gets or sets the company id of the last score the current pass committed; null before its first batch.</summary>
    [Id(5)]
    public long? CursorCompanyId { get; set; }

    /// <summary>
    /// Gets or sets when the current pass began (whole microseconds): every score the pass writes gets it as its
    /// <c>scored_at</c>, so a score with another <c>scored_at</c> was written by someone else since the pass read it.
    /// </summary>
    [Id(6)]
    public DateTimeOffset? PassStartedAt { get; set; }

    /// <summary>Gets or sets whether the walk is done and the pass is re-scoring what others wrote meanwhile.</summary>
    [Id(7)]
    public bool CatchingUp { get; set; }

    [Id(8)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(9)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(10)]
    public DateTimeOffset? EndedAt { get; set; }

    [Id(11)]
    public DateTimeOffset? NextRunAt { get; set; }

    [Id(12)]
    public string? Error { get; set; }

    [Id(13)]
    public string? ErrorCode { get; set; }

    /// <summary>Gets or sets the consecutive failed attempts of the current batch.</summary>
    [Id(14)]
    public int FailedAttempts { get; set; }

    /// <summary>Gets or sets the scores to commit with the next write, or null; never stored or serialized.</summary>
    [field: NonSerialized]
    public RescoreBatchWrite? PendingBatch { get; set; }

    /// <summary>Returns a copy to restore when a transition cannot be saved.</summary>
    public RescoreJobState Clone() => (RescoreJobState)MemberwiseClone();

    string? IJobRowState<RescoreJobState>.TenantId => Spec?.TenantId;

    void IJobRowState<RescoreJobState>.ClearPendingBatch() => PendingBatch = null;
}
