using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Jobs;

/// <summary>
/// At most JOBS_MAX_CONCURRENT_PER_SILO jobs run at once on each silo of a cluster, and every job still finishes.
/// </summary>
public sealed class JobConcurrencyTests(ConcurrencyClusterFixture fixture) : IClassFixture<ConcurrencyClusterFixture>
{
    [Fact]
    public async Task Jobs_ShouldNeverRunMoreThanTheLimitTimesTheSilos_WhenManyStartTogether()
    {
        // Arrange: six tenants' jobs, each needing several turns.
        var run = Guid.NewGuid().ToString("N")[..6];
        var created = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            fixture.Grains.GetTenantSearchGrain($"herd-{run}-{i}").EnqueueStagingUpsertAsync(["construction"])));
        var jobs = created.Select(c => fixture.Grains.GetGrain<IStagingUpsertJobGrain>(c.JobId)).ToList();

        // Act: all are started at once.
        await Task.WhenAll(jobs.Select(j => j.RunNowAsync()));
        var done = await Task.WhenAll(jobs.Select(j => JobAssertions.WaitForAsync(j, s => s.Status.IsTerminal(), "every job to finish", seconds: 180)));

        // Assert: batches of different jobs in flight at one instant, from each batch's start and commit times.
        var inFlight = await fixture.ScalarAsync<long>("""
            WITH b AS (
                SELECT job_id, finished_at - make_interval(secs => duration_ms / 1000.0) AS started, finished_at
                FROM job_batches WHERE job_id = ANY(@ids)
            )
            SELECT max((SELECT count(DISTINCT o.job_id) FROM b o WHERE o.started < s.finished_at AND o.finished_at > s.finished_at - interval '1 microsecond'))
            FROM b s
            """, ("ids", created.Select(c => c.JobId).ToArray()));
        Assert.All(done, d => Assert.Equal(JobStatus.Done, d.Status));
        Assert.All(created.Zip(done), p => Assert.Equal(p.First.Total, p.Second.Processed));
        Assert.True(created[0].Total > 400, $"each job should need several turns, got {created[0].Total} rows");
        Assert.InRange(inFlight, 1, ConcurrencyClusterFixture.PerSilo * fixture.Cluster.Silos.Count);
    }
}
