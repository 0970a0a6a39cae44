using System.Reflection;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Jobs;
using IcpSearch.Grains.Pipeline;
using Microsoft.Extensions.Options;

namespace IcpSearch.Tests.Jobs;

/// <summary>
/// A job's status, progress and cursor live only in its background_jobs row, which is also its grain state.
/// </summary>
[Collection(SearchClusterCollection.Name)]
public sealed class SingleTruthTests(SearchClusterFixture fixture)
{
    [Fact]
    public async Task Job_ShouldKeepNoSecondCopyOfItsState_WhenItRunsToTheEnd()
    {
        // Arrange
        var tenant = "truth-" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["construction"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);
        var queuedVersion = await VersionAsync(created.JobId);

        // Act
        await job.RunNowAsync();
        var done = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the job to end");

        // Assert: one write per transition and per batch (running, each batch, done), and no Orleans storage row.
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal(1L, queuedVersion);
        Assert.Equal(1L + 1 + done.Batches + 1, await VersionAsync(created.JobId));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM orleansstorage WHERE graintypestring ILIKE '%upsert%'"));
    }

    [Fact]
    public async Task WriteAsync_ShouldWriteNothing_WhenTheVersionIsStale()
    {
        // Arrange
        var tenant = "stale-" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["construction"]);
        var store = new NpgsqlJobStore(fixture.DataSource, new NpgsqlCompanyStore(fixture.DataSource, Options.Create(new EnrichmentOptions())));
        var stored = await store.ReadAsync(created.JobId, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        stored.State.Status = JobStatus.Cancelled;

        // Act
        var first = await store.WriteAsync(created.JobId, stored.State, stored.Version, null, TestContext.Current.CancellationToken);
        stored.State.Status = JobStatus.Error;
        var stale = await store.WriteAsync(created.JobId, stored.State, stored.Version, null, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(stored.Version + 1, first);
        Assert.Null(stale);
        Assert.Equal("cancelled", (await JobAssertions.MirrorAsync(fixture, created.JobId)).Status);
    }

    [Fact]
    public void JobTypes_ShouldHaveNoReconciliationPaths()
    {
        // The paths that kept a second copy in step: a start-up sweep over open jobs, a re-arm call for it, a
        // reconcile step in the grain, and store calls that only served them.
        var grains = typeof(StagingUpsertJobGrain).Assembly;
        var grainMethods = typeof(StagingUpsertJobGrain).GetMethods(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public).Select(m => m.Name).ToList();

        Assert.DoesNotContain(grains.GetTypes(), t => typeof(IStartupTask).IsAssignableFrom(t));
        Assert.DoesNotContain(typeof(IStagingUpsertJobGrain).GetMethods(), m => m.Name == "EnsureScheduledAsync");
        Assert.DoesNotContain(grainMethods, n => n.Contains("Reconcile", StringComparison.Ordinal) || n.Contains("Mirror", StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(IJobStore).GetMethods(), m => m.Name is "ListOpenJobIdsAsync" or "UpdateStatusAsync" or "GetAsync");
        Assert.Null(grains.GetType("IcpSearch.Grains.Jobs.JobRecoveryStartupTask"));
        Assert.Contains(typeof(StagingUpsertJobGrain).GetConstructors().Single().GetParameters(),
            p => p.GetCustomAttribute<PersistentStateAttribute>()?.StorageName == BackgroundJobGrainStorage.Name);
    }

    private Task<long> VersionAsync(long jobId)
        => fixture.ScalarAsync<long>("SELECT version FROM background_jobs WHERE job_id = @id", ("id", jobId));
}
