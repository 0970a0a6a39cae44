using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The persistent state of a re-scoring job: its row in <c>background_jobs</c>, through
/// <see cref="RescoreJobGrainStorage"/> (which maps columns).
/// </summary>
[GenerateSerializer, Alias("IcpSearch.RescoreJobState")]
public sealed class RescoreJobState : JobRowState<RescoreJobState>
{
    /// <summary>Gets or sets the tenant and the profile the current pass scores under.</summary>
    [Id(0)]
    public RescoreJobSpec? Spec { get; set; }

    /// <summary>Gets or sets the tenant's lead scores counted when the current pass began.</summary>
    [Id(1)]
    public long Total { get; set; }

    /// <summary>Gets or sets the company id of the last score the current pass committed; null before its first batch.</summary>
    [Id(2)]
    public long? CursorCompanyId { get; set; }

    /// <summary>
    /// Gets or sets when the current pass began (whole microseconds): every score the pass writes gets it as its
    /// <c>scored_at</c>, so a score with another <c>scored_at</c> was written by someone else since the pass read it.
    /// </summary>
    [Id(3)]
    public DateTimeOffset? PassStartedAt { get; set; }

    /// <summary>Gets or sets whether the walk is done and the pass is re-scoring what others wrote meanwhile.</summary>
    [Id(4)]
    public bool CatchingUp { get; set; }

    /// <summary>Gets or sets the scores to commit with the next write, or null; never stored or serialized.</summary>
    [field: NonSerialized]
    public RescoreBatchWrite? PendingBatch { get; set; }

    public override string? TenantId => Spec?.TenantId;

    public override void ClearPendingBatch() => PendingBatch = null;
}
