namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The <see cref="JobRowGrainStorage{TState}"/> of re-scoring jobs: rows created by
/// <see cref="IRescoreJobStore.CreateAsync"/> (one open re-scoring job per tenant); a batch attached with
/// <see cref="RescoreJobState.PendingBatch"/> commits with the write.
/// </summary>
public sealed class RescoreJobGrainStorage(IRescoreJobStore jobs) : JobRowGrainStorage<RescoreJobState>
{
    /// <summary>The storage name re-scoring job grains use.</summary>
    public const string Name = "rescore-jobs";

    protected override string StorageName => Name;

    protected override string CreatedBy => "IRescoreJobStore.CreateAsync";

    protected override async Task<(RescoreJobState State, long Version)?> ReadRowAsync(long jobId)
        => await jobs.ReadAsync(jobId) is { } stored ? (stored.State, stored.Version) : null;

    protected override Task<long?> WriteRowAsync(long jobId, RescoreJobState state, long expectedVersion)
        => jobs.WriteAsync(jobId, state, expectedVersion);
}
