using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The persistent state of a staging upsert job: its row in <c>background_jobs</c>, through <see cref="BackgroundJobGrainStorage"/>
/// (which maps columns).
/// </summary>
[GenerateSerializer, Alias("IcpSearch.StagingUpsertJobState")]
public sealed class StagingUpsertJobState : JobRowState<StagingUpsertJobState>
{
    [Id(0)]
    public StagingUpsertJobSpec? Spec { get; set; }

    /// <summary>Gets or sets the UEN of the last committed row; null before the first batch.</summary>
    [Id(1)]
    public string? CursorUen { get; set; }

    [Id(2)]
    public DateTimeOffset? RunStartedAt { get; set; }

    /// <summary>Gets or sets the rows processed by the current run, compared against the per-run cap.</summary>
    [Id(3)]
    public long RunProcessed { get; set; }

    /// <summary>Gets or sets the end of the window the current run belongs to; null for a run outside any window.</summary>
    [Id(4)]
    public DateTimeOffset? RunEndsAt { get; set; }

    /// <summary>Gets or sets the batch to commit with the next write, or null; never stored or serialized.</summary>
    [field: NonSerialized]
    public JobBatchWrite? PendingBatch { get; set; }

    public override string? TenantId => Spec?.TenantId;

    public override void ClearPendingBatch() => PendingBatch = null;
}
