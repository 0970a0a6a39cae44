using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Jobs;

[Collection(FailureClusterCollection.Name)]
public sealed class JobFailureTests(FailureClusterFixture fixture)
{
    [Fact]
    public async Task RunNowAsync_ShouldEndInErrorWithSchemaCode_WhenTheStagingTableLosesAColumn()
    {
        // Arrange
        var tenant = "fail-" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["construction"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);
        await fixture.ScalarAsync<int>("ALTER TABLE staging_acra_companies RENAME COLUMN primary_ssic_code TO primary_ssic_code_moved; SELECT 1");
        try
        {
            // Act
            await job.RunNowAsync();
            var failed = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the job to give up");

            // Assert
            Assert.Equal(JobStatus.Error, failed.Status);
            Assert.Equal("staging_schema_mismatch", failed.ErrorCode);
            // Tenants see a fixed description with the SQLSTATE, never the server's message (it names the column).
            Assert.Contains("SQLSTATE 42703", failed.Error);
            Assert.DoesNotContain("primary_ssic_code", failed.Error);
            Assert.Equal(0, failed.Processed);
            Assert.Equal(("error", 0L, created.Total, (string?)"staging_schema_mismatch"), await JobAssertions.MirrorAsync(fixture, created.JobId));
            await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, 0);
            await JobAssertions.WaitForNoReminderAsync(fixture, job);
        }
        finally
        {
            await fixture.ScalarAsync<int>("ALTER TABLE staging_acra_companies RENAME COLUMN primary_ssic_code_moved TO primary_ssic_code; SELECT 1");
        }
    }

    [Fact]
    public async Task Job_ShouldCompleteOnAnotherSiloWithExactCounts_WhenItsSiloIsKilledMidRun()
    {
        // Arrange
        var (tenant, created, job, running, host, survivors) = await JobAssertions.RunUntilMidRunAsync(fixture, "kill-");

        // Act: kill the silo hosting the job; only its reminder, now served by the survivor, can wake it again.
        await fixture.Cluster.KillSiloAsync(host, TestContext.Current.CancellationToken);
        var mirror = await Eventually.Until(() => JobAssertions.MirrorAsync(fixture, created.JobId), m => m.Status != "running",
            TimeSpan.FromSeconds(120), "the job to finish on the surviving silo");
        // The mirror is written just before the grain state, so the grain may report the end a moment later.
        var done = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the grain to report the end");

        // Assert
        Assert.True(running.Processed < created.Total, "the run should have been interrupted part-way");
        Assert.Equal("done", mirror.Status);
        Assert.Equal(created.Total, mirror.Processed);
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal(created.Total, done.Processed);
        Assert.Contains(done.Silo, survivors);
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
        Assert.Equal(created.Total, await fixture.ScalarAsync<long>("SELECT coalesce(sum(rows), 0)::bigint FROM job_batches WHERE job_id = @id", ("id", created.JobId)));
    }

    [Fact]
    public async Task CancelAsync_ShouldLeaveTheJobRunningToTheEnd_WhenTheCancellationCannotBeSaved()
    {
        // Arrange: background_jobs refuses the cancelled status, so the transition's save fails. Batches take 300 ms
        // and the refusal 500 ms, so a cancel that could interleave with batches would land in one: that batch would
        // publish the unsaved "cancelled", and the next would see it and stop the run.
        var tenant = "nocancel-" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["wholesale", "retail"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);
        await fixture.ScalarAsync<int>("""
            CREATE FUNCTION refuse_cancel() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_sleep(0.5); RAISE EXCEPTION 'cancellation refused by the test'; END $$;
            CREATE TRIGGER refuse_cancel BEFORE UPDATE ON background_jobs
                FOR EACH ROW WHEN (NEW.status = 'cancelled') EXECUTE FUNCTION refuse_cancel();
            CREATE FUNCTION slow_batch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END $$;
            CREATE TRIGGER slow_batch BEFORE INSERT ON job_batches
                FOR EACH ROW WHEN (NEW.tenant_id LIKE 'nocancel-%') EXECUTE FUNCTION slow_batch();
            SELECT 1
            """);
        try
        {
            await job.RunNowAsync();
            await JobAssertions.WaitForAsync(job, s => s.Processed >= 200, "the first batch");
            await Eventually.Until(
                () => fixture.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'"),
                n => n > 0, TimeSpan.FromSeconds(30), "a batch in flight");

            // Act
            var error = await Assert.ThrowsAnyAsync<Exception>(job.CancelAsync);
            var afterFailure = await job.GetStatusAsync();
            var done = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the job to finish");

            // Assert: the failed cancellation changed nothing; the run went on and finished with exact counts.
            Assert.IsNotType<JobStateException>(error);
            Assert.Equal(JobStatus.Running, afterFailure.Status);
            Assert.Equal(JobStatus.Done, done.Status);
            Assert.Equal(created.Total, done.Processed);
            Assert.Equal(("done", created.Total, created.Total, (string?)null), await JobAssertions.MirrorAsync(fixture, created.JobId));
            await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
        }
        finally
        {
            await fixture.ScalarAsync<int>("""
                DROP TRIGGER refuse_cancel ON background_jobs; DROP FUNCTION refuse_cancel();
                DROP TRIGGER slow_batch ON job_batches; DROP FUNCTION slow_batch();
                SELECT 1
                """);
        }
    }

    [Fact]
    public async Task Run_ShouldEndInErrorAfterBoundedRetries_WhenTheDoneTransitionCannotBeSaved()
    {
        // Arrange: background_jobs refuses "done" for this job, counting each attempt in a sequence (sequences are
        // not rolled back with the refused update).
        var tenant = "nodone-" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["construction"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);
        await fixture.ScalarAsync<int>("""
            CREATE SEQUENCE refused_done;
            CREATE FUNCTION refuse_done() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM nextval('refused_done'); RAISE EXCEPTION 'done refused by the test'; END $$;
            CREATE TRIGGER refuse_done BEFORE UPDATE ON background_jobs
                FOR EACH ROW WHEN (NEW.status = 'done' AND NEW.tenant_id LIKE 'nodone-%') EXECUTE FUNCTION refuse_done();
            SELECT 1
            """);
        try
        {
            // Act
            await job.RunNowAsync();
            var ended = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the job to give up");

            // Assert: one attempt plus MaxTransitionRetries (2 in these clusters), then a defined end in error.
            Assert.Equal(JobStatus.Error, ended.Status);
            Assert.Equal("job_state_unsaved", ended.ErrorCode);
            Assert.DoesNotContain("refused by the test", ended.Error);
            Assert.Equal(created.Total, ended.Processed);
            Assert.Equal(3L, await fixture.ScalarAsync<long>("SELECT last_value FROM refused_done"));
            Assert.Equal(("error", created.Total, created.Total, (string?)"job_state_unsaved"), await JobAssertions.MirrorAsync(fixture, created.JobId));
            await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
            await JobAssertions.WaitForNoReminderAsync(fixture, job);
        }
        finally
        {
            await fixture.ScalarAsync<int>("""
                DROP TRIGGER refuse_done ON background_jobs; DROP FUNCTION refuse_done(); DROP SEQUENCE refused_done;
                SELECT 1
                """);
        }
    }
}
