using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Jobs;

/// <summary>
/// The nightly window ends: runs stop between batches at its end and continue in the next one; inside it a job
/// that reaches the per-turn cap yields and continues in the same window.
/// </summary>
public sealed class NightlyRunWindowTests(WindowClusterFixture fixture) : IClassFixture<WindowClusterFixture>
{
    [Fact]
    public async Task Run_ShouldStopAtTheWindowsEndAndResumeInTheNextWindow_WhenTheWindowIsTooShort()
    {
        // Arrange: one minute into a window.
        var windowStart = MoveToNextWindow();
        WindowClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var tenant = "window-" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["wholesale", "retail"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);
        await job.RunNowAsync();
        await JobAssertions.WaitForAsync(job, s => s.Processed >= 200, "two batches");

        // Act: the window ends while the job runs (or waits between turns).
        WindowClusterFixture.Clock.Advance(TimeSpan.FromHours(4));
        var stopped = await JobAssertions.WaitForAsync(job, s => s.Status == JobStatus.Queued && s.NextRunAt == windowStart.AddDays(1), "the run to stop at the window's end");
        var mirrorAtStop = await JobAssertions.MirrorAsync(fixture, created.JobId);
        WindowClusterFixture.Clock.SetUtcNow(windowStart.AddDays(1).AddSeconds(1));
        await job.AsReference<IRemindable>().ReceiveReminder("staging-upsert", new Orleans.Runtime.TickStatus(DateTime.UtcNow, TimeSpan.FromSeconds(3), DateTime.UtcNow), TestContext.Current.CancellationToken);
        var done = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the next window's run to finish");

        // Assert
        Assert.InRange(stopped.Processed, 200, created.Total - 1);
        Assert.Equal(("queued", stopped.Processed, created.Total, (string?)null), mirrorAtStop);
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal(created.Total, done.Processed);
        Assert.True(done.Batches > stopped.Batches);
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
        Assert.Equal(created.Total, await fixture.ScalarAsync<long>("SELECT coalesce(sum(rows), 0)::bigint FROM job_batches WHERE job_id = @id", ("id", created.JobId)));
    }

    [Fact]
    public async Task Run_ShouldYieldAtTheTurnCapAndFinishInTheSameWindow_WhenTheWindowIsLongEnough()
    {
        // Arrange
        MoveToNextWindow();
        WindowClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var tenant = "yield-" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["wholesale", "retail"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);

        // Act: the clock stays inside the window.
        await job.RunNowAsync();
        var done = await JobAssertions.WaitForAsync(job, s => s.Status.IsTerminal(), "the job to finish in its window", seconds: 120);

        // Assert: each turn is a start and an end write around its batches, so the writes count the turns.
        var version = await fixture.ScalarAsync<long>("SELECT version FROM background_jobs WHERE job_id = @id", ("id", created.JobId));
        var turns = (version - 1 - done.Batches) / 2;
        // A turn that ends exactly at the cap is followed by one that finds no rows.
        Assert.True(created.Total > 2 * WindowClusterFixture.TurnCap, $"the match should span several turns, got {created.Total}");
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal(created.Total, done.Processed);
        Assert.Equal(created.Total / WindowClusterFixture.TurnCap + 1, turns);
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
    }

    // Moves the shared clock to the start of the next 02:00 UTC window.
    private static DateTimeOffset MoveToNextWindow()
    {
        var now = WindowClusterFixture.Clock.GetUtcNow();
        var start = new DateTimeOffset(now.Date.AddDays(1).AddHours(2), TimeSpan.Zero);
        WindowClusterFixture.Clock.SetUtcNow(start);
        return start;
    }
}
