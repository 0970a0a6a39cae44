using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Jobs;

[Collection(SearchClusterCollection.Name)]
public sealed class StagingUpsertJobGrainTests(SearchClusterFixture fixture)
{
    private static string NewTenant() => "jobs-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task ScheduleAsync_ShouldStayQueuedWithReminderAtTheWindow_WhenAReminderTicksEarly()
    {
        // Arrange
        var tenant = NewTenant();
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["construction"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);

        // Act: the alarm rings hours before the window (as a stale or early tick would).
        var before = await job.GetStatusAsync();
        await job.AsReference<IRemindable>().ReceiveReminder("staging-upsert", new Orleans.Runtime.TickStatus(DateTime.UtcNow, TimeSpan.FromDays(1), DateTime.UtcNow), TestContext.Current.CancellationToken);
        var after = await job.GetStatusAsync();

        // Assert
        Assert.True(created.Total > 500, $"construction should match hundreds of rows, got {created.Total}");
        Assert.Equal(JobStatus.Queued, after.Status);
        Assert.Equal(0, after.Processed);
        Assert.NotNull(before.NextRunAt);
        Assert.InRange(before.NextRunAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromHours(11), TimeSpan.FromHours(12.1));
        var reminder = await JobAssertions.ReminderStartAsync(fixture, job);
        Assert.NotNull(reminder);
        Assert.InRange((reminder!.Value - before.NextRunAt!.Value).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", tenant)));
    }

    [Fact]
    public async Task RunNowAsync_ShouldProcessEveryMatchExactlyOnce_WhenTheMatchHasOver1500Rows()
    {
        // Arrange
        var tenant = NewTenant();
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["manufacturing"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);
        var matched = await JobAssertions.CountMatchesAsync(fixture, created.Codes);
        var queuedReminder = await JobAssertions.ReminderStartAsync(fixture, job);

        // Act
        await job.RunNowAsync();
        var done = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the job to end");

        // Assert
        Assert.InRange(matched, 1500, SearchClusterFixture.RunCap);
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal(matched, created.Total);
        Assert.Equal(matched, done.Total);
        Assert.NotNull(queuedReminder);
        Assert.Equal(matched, done.Processed);
        Assert.Equal(0, done.Remaining);
        Assert.Null(done.NextRunAt);
        Assert.Equal((int)Math.Ceiling(matched / 250.0), done.Batches);
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, matched);
        var mirror = await JobAssertions.MirrorAsync(fixture, created.JobId);
        Assert.Equal(("done", matched, matched, (string?)null), mirror);
        await JobAssertions.WaitForNoReminderAsync(fixture, job);
        Assert.Equal((long)done.Batches, await fixture.ScalarAsync<long>("SELECT count(*) FROM job_batches WHERE job_id = @id", ("id", created.JobId)));
    }

    [Fact]
    public async Task RunNowAsync_ShouldStopAtTheCapAndContinueFromTheCursor_WhenMatchesExceedTheCap()
    {
        // Arrange
        var tenant = NewTenant();
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["wholesale", "retail"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);

        // Act: the first run stops at the cap and waits for the next window.
        await job.RunNowAsync();
        var capped = await JobAssertions.WaitForAsync(job, s => s.Status != JobStatus.Running, "the first run to stop");
        var reminder = await JobAssertions.ReminderStartAsync(fixture, job);
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, SearchClusterFixture.RunCap);

        // Act: the next run (an operator's run-now here; the nightly reminder in NightlyWindowJobTests) continues.
        await job.RunNowAsync();
        var done = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the second run to finish");

        // Assert
        Assert.True(created.Total > SearchClusterFixture.RunCap, $"expected more than {SearchClusterFixture.RunCap} matches, got {created.Total}");
        Assert.Equal(JobStatus.Queued, capped.Status);
        Assert.Equal(SearchClusterFixture.RunCap, capped.Processed);
        Assert.Equal(created.Total - SearchClusterFixture.RunCap, capped.Remaining);
        Assert.NotNull(capped.NextRunAt);
        Assert.NotNull(reminder);
        Assert.InRange((reminder!.Value - capped.NextRunAt!.Value).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal(created.Total, done.Processed);
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
    }

    [Fact]
    public async Task RunNowAsync_ShouldNeitherRepeatNorSkipARow_WhenAReimportFlipsEveryStatusBetweenRuns()
    {
        // Arrange: the first run stops at the cap; then a re-import turns every live match dead and every dead one live.
        var tenant = NewTenant();
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["wholesale", "retail"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);
        await job.RunNowAsync();
        var capped = await JobAssertions.WaitForAsync(job, s => s.Status != JobStatus.Running, "the first run to stop");
        var backup = "status_backup_" + Guid.NewGuid().ToString("N")[..8];
        const string matches = "(primary_ssic_code = ANY(@codes) OR secondary_ssic_code = ANY(@codes))";
        var flipped = await fixture.ScalarAsync<long>($"""
            CREATE TABLE {backup} AS SELECT uen, entity_status_description FROM staging_acra_companies WHERE {matches};
            WITH flipped AS (
                UPDATE staging_acra_companies
                SET entity_status_description = CASE WHEN live_rank = 0 THEN 'Struck Off' ELSE 'Live Company' END
                WHERE {matches}
                RETURNING 1)
            SELECT count(*) FROM flipped
            """, ("codes", created.Codes.ToArray()));
        try
        {
            // Act
            await job.RunNowAsync();
            var done = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the second run to finish");

            // Assert
            Assert.Equal(JobStatus.Queued, capped.Status);
            Assert.Equal(created.Total, flipped);
            Assert.Equal(JobStatus.Done, done.Status);
            Assert.Equal(created.Total, done.Processed);
            await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
            Assert.Equal(created.Total, await fixture.ScalarAsync<long>(
                "SELECT coalesce(sum(rows), 0)::bigint FROM job_batches WHERE job_id = @id", ("id", created.JobId)));
        }
        finally
        {
            await fixture.ScalarAsync<int>($"""
                UPDATE staging_acra_companies s SET entity_status_description = b.entity_status_description
                FROM {backup} b WHERE s.uen = b.uen;
                DROP TABLE {backup};
                SELECT 1
                """);
        }
    }

    [Fact]
    public async Task CancelAsync_ShouldStopBeforeTheNextBatchAndKeepWrittenRows_WhenRunning()
    {
        // Arrange
        var tenant = NewTenant();
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["wholesale", "retail"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);
        await job.RunNowAsync();
        await JobAssertions.WaitForAsync(job, s => s.Processed >= 250, "the first batch");

        // Act
        var cancelled = await job.CancelAsync();
        var again = await Assert.ThrowsAsync<JobStateException>(job.CancelAsync);
        var runAgain = await Assert.ThrowsAsync<JobStateException>(job.RunNowAsync);

        // Assert
        Assert.Equal(JobStatus.Cancelled, cancelled.Status);
        Assert.InRange(cancelled.Processed, 250, created.Total - 1);
        Assert.NotNull(cancelled.EndedAt);
        Assert.Contains("cancelled", again.Message);
        Assert.Contains("only a queued job", runAgain.Message);
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, cancelled.Processed);
        Assert.Equal(("cancelled", cancelled.Processed, created.Total, (string?)null), await JobAssertions.MirrorAsync(fixture, created.JobId));
        await JobAssertions.WaitForNoReminderAsync(fixture, job);
    }

    [Fact]
    public async Task EnqueueStagingUpsertAsync_ShouldShareAnOpenJob_OnlyBetweenIdenticalRequests()
    {
        // Arrange
        var grain = fixture.Grains.GetTenantSearchGrain(NewTenant());

        // Act
        var first = await grain.EnqueueStagingUpsertAsync(["Construction"]);
        var again = await grain.EnqueueStagingUpsertAsync([" construction "]);
        var nothingA = await grain.EnqueueStagingUpsertAsync(["zzqx alpha"]);
        var nothingB = await grain.EnqueueStagingUpsertAsync(["zzqx beta"]);

        // Assert: the same terms reuse the queued job; two requests that match nothing stay two jobs.
        Assert.Equal(first.JobId, again.JobId);
        Assert.True(again.Reused);
        Assert.Equal(0, nothingA.Total);
        Assert.NotEqual(nothingA.JobId, nothingB.JobId);
        Assert.False(nothingB.Reused);
    }

    [Fact]
    public async Task GetStatusAsync_ShouldThrowJobNotFound_WhenNoJobHasTheId()
    {
        // Arrange
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(987_654_321);

        // Act
        var error = await Assert.ThrowsAsync<JobNotFoundException>(job.GetStatusAsync);

        // Assert
        Assert.Contains("987654321", error.Message);
    }
}
