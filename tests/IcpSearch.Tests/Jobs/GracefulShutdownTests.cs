using IcpSearch.GrainInterfaces.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace IcpSearch.Tests.Jobs;

/// <summary>A cluster of its own: the test stops one of its two silos for good.</summary>
public sealed class GracefulShutdownTests(ShutdownClusterFixture fixture) : IClassFixture<ShutdownClusterFixture>
{
    [Fact]
    public async Task Job_ShouldCompleteOnAnotherSiloWithExactCounts_WhenItsSiloShutsDownGracefullyMidRun()
    {
        // Arrange: a graceful stop migrates live activations, carrying the job's state to the other silo.
        var (tenant, created, _, running, host, survivors) = await JobAssertions.RunUntilMidRunAsync(fixture, "stop-");

        // Act
        await fixture.Cluster.StopSiloAsync(host, TestContext.Current.CancellationToken);
        // Read through the database until the end: the client may still try the stopped silo as its gateway.
        await Eventually.Until(() => JobAssertions.MirrorAsync(fixture, created.JobId), m => m.Status != "running",
            TimeSpan.FromSeconds(120), "the job to finish on the other silo");
        // Asked through the surviving silo: the test's client refreshes its gateway list only once a minute.
        var survivor = (InProcessSiloHandle)fixture.Cluster.Silos.First(s => s != host);
        var done = await JobAssertions.WaitForAsync(
            survivor.SiloHost.Services.GetRequiredService<IGrainFactory>().GetGrain<IStagingUpsertJobGrain>(created.JobId),
            s => s.Status.IsTerminal(), "the grain to report the end");

        // Assert
        Assert.True(running.Processed < created.Total, "the run should have been interrupted part-way");
        Assert.Equal((JobStatus.Done, created.Total), (done.Status, done.Processed));
        Assert.Contains(done.Silo, survivors);
        Assert.Equal(("done", created.Total, created.Total, (string?)null), await JobAssertions.MirrorAsync(fixture, created.JobId));
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
        Assert.Equal(created.Total, await fixture.ScalarAsync<long>("SELECT coalesce(sum(rows), 0)::bigint FROM job_batches WHERE job_id = @id", ("id", created.JobId)));
    }
}
