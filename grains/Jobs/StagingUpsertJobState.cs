using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The persistent state of a staging upsert job: its row in <c>background_jobs</c>, through <see cref="BackgroundJobGrainStorage"/>
/// (which maps columns). Orleans serializes it only to
/// carry a live activation to another silo when its silo shuts down; the pending batch never goes along.
/// </summary>
[GenerateSerializer, Alias("IcpSearch.StagingUpsertJobState")]
public sealed class StagingUpsertJobState : IJobRowState<StagingUpsertJobState>
{
    [Id(0)]
    public StagingUpsertJobSpec? Spec { get; set; }

    [Id(1)]
    public JobStatus Status { get; set; }

    [Id(2)]
    public long Processed { get; set; }

    [Id(3)]
    public int Batches { get; set; }

    /// <summary>Gets or sets the UEN of the last committed row; null before the first batch.</summary>
    [Id(4)]
    public string? CursorUen { get; set; }

    [Id(5)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(6)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(7)]
    public DateTimeOffset? RunStartedAt { get; set; }

    /// <summary>Gets or sets the rows processed by the current run, compared against the per-run cap.</summary>
    [Id(8)]
    public long RunProcessed { get; set; }

    [Id(9)]
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Gets or sets the end of the window the current run belongs to; null for a run outside any window.</summary>
    [Id(10)]
    public DateTimeOffset? RunEndsAt { get; set; }

    [Id(11)]
    public DateTimeOffset? NextRunAt { get; set; }

    [Id(12)]
    public string? Error { get; set; }

    [Id(13)]
    public string? ErrorCode { get; set; }

    /// <summary>Gets or sets the consecutive failed attempts of the current batch.</summary>
    [Id(14)]
    public int FailedAttempts { get; set; }

    /// <summary>Gets or sets the batch to commit with the next write, or null; never stored or serialized.</summary>
    [field: NonSerialized]
    public JobBatchWrite? PendingBatch { get; set; }

    /// <summary>Returns a copy to restore when a transition cannot be saved.</summary>
    public StagingUpsertJobState Clone() => (StagingUpsertJobState)MemberwiseClone();

    string? IJobRowState<StagingUpsertJobState>.TenantId => Spec?.TenantId;

    void IJobRowState<StagingUpsertJobState>.ClearPendingBatch() => PendingBatch = null;
}
