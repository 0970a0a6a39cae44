namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The <see cref="JobRowGrainStorage{TState}"/> of staging upsert jobs: rows created by
/// <see cref="IJobStore.CreateOrReuseAsync"/> (which de-duplicates work and applies the open-jobs cap); a batch attached
/// with <see cref="StagingUpsertJobState.PendingBatch"/> commits with the write.
/// </summary>
public sealed class BackgroundJobGrainStorage(IJobStore jobs) : JobRowGrainStorage<StagingUpsertJobState>
{
    /// <summary>The storage name job grains use.</summary>
    public const string Name = "jobs";

    protected override string StorageName => Name;

    protected override string CreatedBy => "IJobStore.CreateOrReuseAsync";

    protected override async Task<(StagingUpsertJobState State, long Version)?> ReadRowAsync(long jobId)
        => await jobs.ReadAsync(jobId) is { } stored ? (stored.State, stored.Version) : null;

    protected override Task<long?> WriteRowAsync(long jobId, StagingUpsertJobState state, long expectedVersion)
        => jobs.WriteAsync(jobId, state, expectedVersion, state.PendingBatch);
}
