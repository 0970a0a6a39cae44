using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Jobs;

[Collection(FailureClusterCollection.Name)]
public sealed class JobRetryTests(FailureClusterFixture fixture)
{
    [Fact]
    public async Task RetryAsync_ShouldRequeueAnErroredJobThatThenFinishes_WhenTheCauseIsGone()
    {
        // Arrange: one job ends in error (a staging column goes missing), another is cancelled.
        var tenant = "retry-" + Guid.NewGuid().ToString("N")[..8];
        var search = fixture.Grains.GetTenantSearchGrain(tenant);
        var created = await search.EnqueueStagingUpsertAsync(["construction"]);
        var other = await search.EnqueueStagingUpsertAsync(["wholesale", "retail"]);
        await fixture.Grains.GetGrain<IStagingUpsertJobGrain>(other.JobId).CancelAsync();
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);
        await fixture.ScalarAsync<int>("ALTER TABLE staging_acra_companies RENAME COLUMN primary_ssic_code TO primary_ssic_code_gone; SELECT 1");
        try
        {
            await job.RunNowAsync();
            await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the job to fail");
        }
        finally
        {
            await fixture.ScalarAsync<int>("ALTER TABLE staging_acra_companies RENAME COLUMN primary_ssic_code_gone TO primary_ssic_code; SELECT 1");
        }

        // Act
        var query = fixture.Grains.GetGrain<IJobQueryGrain>(0);
        var errored = await query.ListAsync(new JobsQueryRequest(tenant, 50, null, JobStatus.Error));
        var all = await query.ListAsync(new JobsQueryRequest(tenant, 50, null));
        var retried = await job.RetryAsync();
        await job.RunNowAsync();
        var done = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the retried job to finish");

        // Assert
        Assert.Equal([created.JobId], errored.Items.Select(j => j.JobId));
        Assert.Equal("staging_schema_mismatch", errored.Items[0].ErrorCode);
        Assert.Equal(2, all.Items.Count);
        Assert.Equal(JobStatus.Queued, retried.Status);
        Assert.Null(retried.ErrorCode);
        Assert.Null(retried.EndedAt);
        Assert.NotNull(retried.NextRunAt);
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal(created.Total, done.Processed);
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
        await Assert.ThrowsAsync<JobStateException>(job.RetryAsync);
        await Assert.ThrowsAsync<JobStateException>(fixture.Grains.GetGrain<IStagingUpsertJobGrain>(other.JobId).RetryAsync);
    }
}
