using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Tests.Jobs;

/// <summary>A PostgreSQL server of its own: the test crashes it mid-run.</summary>
public sealed class PostgresCrashTests(PostgresCrashClusterFixture fixture) : IClassFixture<PostgresCrashClusterFixture>
{
    [Fact]
    public async Task Job_ShouldFinishWithEveryRowWrittenOnce_WhenPostgresCrashesMidRun()
    {
        // Arrange
        var (tenant, created, job, running, _, _) = await JobAssertions.RunUntilMidRunAsync(fixture, "pg-crash-");

        // Act: a batch's commit does not wait for its WAL to reach the disk, so the crash may take back batches the
        // job has already counted; its next write then finds its row older than it thought, and it redoes them.
        await fixture.Server.CrashAsync();
        await fixture.Server.RestartAsync();
        var done = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the job to finish after the restart", seconds: 180);
        // The test's own pooled connections died with the server.
        fixture.DataSource.Clear();

        // Assert: the rows of every batch exactly once, and progress that counts each row once.
        Assert.True(running.Processed < created.Total, "the crash should have come part-way through the run");
        Assert.Equal((JobStatus.Done, created.Total), (done.Status, done.Processed));
        Assert.Equal(("done", created.Total, created.Total, (string?)null), await JobAssertions.MirrorAsync(fixture, created.JobId));
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
        Assert.Equal(created.Total, await fixture.ScalarAsync<long>(
            "SELECT coalesce(sum(rows), 0)::bigint FROM job_batches WHERE job_id = @id", ("id", created.JobId)));
        Assert.Equal(created.Total, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM enrichment_runs WHERE job_id = @id", ("id", created.JobId)));
    }
}
