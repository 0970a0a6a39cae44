using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Jobs;

public sealed class HerdKillTests(HerdKillClusterFixture fixture) : IClassFixture<HerdKillClusterFixture>
{
    [Fact]
    public async Task Herd_ShouldFinishEveryJobWithExactCounts_WhenASiloIsKilledMidHerd()
    {
        // Arrange: six tenants' jobs taking turns on two silos, one job at a time each.
        var run = Guid.NewGuid().ToString("N")[..6];
        var tenants = Enumerable.Range(0, 6).Select(i => $"kill-herd-{run}-{i}").ToList();
        var created = await Task.WhenAll(tenants.Select(t => fixture.Grains.GetTenantSearchGrain(t).EnqueueStagingUpsertAsync(["construction"])));
        var jobs = created.Select(c => fixture.Grains.GetGrain<IStagingUpsertJobGrain>(c.JobId)).ToList();
        await Task.WhenAll(jobs.Select(j => j.RunNowAsync()));
        var running = await Eventually.Until(() => Task.WhenAll(jobs.Select(j => j.GetStatusAsync())),
            s => s.Any(j => j.Status == JobStatus.Running && j.Processed > 0), TimeSpan.FromSeconds(60), "a job part-way");
        var victim = running.First(j => j.Status == JobStatus.Running && j.Processed > 0).Silo;
        var host = fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == victim);

        // Act: the silo dies without shutting down; its jobs resume on the survivor from their last commits.
        await fixture.Cluster.KillSiloAsync(host, TestContext.Current.CancellationToken);
        // The rows first: until the cluster declares the silo dead, calls to grains it hosted can fail.
        var ids = created.Select(c => c.JobId).ToArray();
        await Eventually.Until(() => fixture.ScalarAsync<long>(
                "SELECT count(*) FROM background_jobs WHERE job_id = ANY(@ids) AND status IN ('done', 'error', 'cancelled')", ("ids", ids)),
            n => n == ids.Length, TimeSpan.FromSeconds(240), "every job to finish");
        var done = await Task.WhenAll(jobs.Select(j => JobAssertions.WaitForAsync(j, s => s.Status.IsTerminal(), "every grain to report its end")));

        // Assert: every job done, processed == total, and no company or score written twice.
        Assert.All(done, d => Assert.Equal(JobStatus.Done, d.Status));
        for (var i = 0; i < created.Length; i++)
        {
            Assert.Equal(created[i].Total, done[i].Processed);
            await JobAssertions.AssertWrittenOnceAsync(fixture, tenants[i], created[i].Total);
            Assert.Equal(created[i].Total, await fixture.ScalarAsync<long>(
                "SELECT coalesce(sum(rows), 0)::bigint FROM job_batches WHERE job_id = @id", ("id", created[i].JobId)));
        }
    }
}
