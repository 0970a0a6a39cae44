using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Jobs;

public sealed class MissedWindowTests(MissedWindowClusterFixture fixture) : IClassFixture<MissedWindowClusterFixture>
{
    [Fact]
    public async Task SiloStart_ShouldRunAQueuedJobAtOnce_WhenItsWindowPassedWhileNoSiloWasUp()
    {
        // Arrange: a job queued for the window, then the only silo goes down until the window has passed.
        var tenant = "missed-" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["construction"]);
        var queued = await fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId).GetStatusAsync();
        await fixture.Cluster.StopSiloAsync(fixture.Cluster.Silos.Single(), TestContext.Current.CancellationToken);
        var waitUntil = fixture.Window.AddSeconds(8);
        if (waitUntil > DateTimeOffset.UtcNow)
        {
            // Waiting for the wall clock itself: the window has to pass while the cluster is down.
            await Task.Delay(waitUntil - DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        }

        // Act: a silo starts; a reminder never replays a missed tick, so only the start-up sweep can start the job.
        await fixture.Cluster.StartAdditionalSiloAsync();
        await fixture.Cluster.InitializeClientAsync(TestContext.Current.CancellationToken);
        var mirror = await Eventually.Until(() => JobAssertions.MirrorAsync(fixture, created.JobId), m => m.Status == "done",
            TimeSpan.FromSeconds(60), "the missed window's run to finish");
        var started = await fixture.ScalarAsync<DateTime>("SELECT started_at FROM background_jobs WHERE job_id = @id", ("id", created.JobId));

        // Assert
        Assert.Equal(JobStatus.Queued, queued.Status);
        Assert.Equal(fixture.Window, queued.NextRunAt!.Value, TimeSpan.FromSeconds(1));
        Assert.True(new DateTimeOffset(DateTime.SpecifyKind(started, DateTimeKind.Utc)) > waitUntil,
            $"started at {started:o}, before the silo came back ({waitUntil:o})");
        Assert.Equal(created.Total, mirror.Processed);
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
    }
}
