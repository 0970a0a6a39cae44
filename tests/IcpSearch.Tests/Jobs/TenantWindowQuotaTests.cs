using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace IcpSearch.Tests.Jobs;

/// <summary>
/// JOBS_MAX_ROWS_PER_TENANT_PER_WINDOW: a tenant's jobs on two silos together stop at the cap, exactly, and continue
/// in the next window; another tenant's jobs are not held back by it.
/// </summary>
public sealed class TenantWindowQuotaTests(TenantQuotaClusterFixture fixture) : IClassFixture<TenantQuotaClusterFixture>
{
    private const int Quota = TenantQuotaClusterFixture.Quota;

    [Fact]
    public async Task Jobs_ShouldStopATenantAtItsRowsPerWindowOnEverySiloAndContinueInTheNextWindow_WhenTheCapIsSet()
    {
        // Arrange: one minute into a window; four jobs of one tenant over disjoint codes, two created on each silo.
        var windowStart = MoveToNextWindow();
        TenantQuotaClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var tenant = "quota-" + Guid.NewGuid().ToString("N")[..8];
        var codes = await CodesAsync();
        var jobs = new List<(IStagingUpsertJobGrain Grain, long Id, long Total, List<string> Codes)>();
        for (var i = 0; i < 4; i++)
        {
            var share = codes.Where((_, n) => n % 4 == i).ToList();
            var total = await JobAssertions.CountMatchesAsync(fixture, share);
            var silo = (InProcessSiloHandle)fixture.Cluster.Silos[i % 2];
            var id = await silo.SiloHost.Services.GetRequiredService<IJobStore>().NextJobIdAsync(TestContext.Current.CancellationToken);
            var grain = silo.SiloHost.Services.GetRequiredService<IGrainFactory>().GetGrain<IStagingUpsertJobGrain>(id);
            await grain.ScheduleAsync(new StagingUpsertJobSpec(tenant, [$"share {i}"], new MatchSpec(share), [], total, "test"));
            jobs.Add((grain, id, total, share));
        }

        var ids = jobs.Select(j => j.Id).ToArray();
        Assert.All(jobs, j => Assert.True(j.Total > Quota, $"each job alone should pass the cap, got {j.Total} rows"));

        // Another tenant's job of fewer rows than the cap, in the same window.
        var other = "quota-other-" + Guid.NewGuid().ToString("N")[..8];
        var small = new List<string>();
        long smallTotal = 0;
        foreach (var code in codes)
        {
            var next = await JobAssertions.CountMatchesAsync(fixture, [.. small, code]);
            if (next >= Quota)
            {
                break;
            }

            (small, smallTotal) = ([.. small, code], next);
        }

        var otherJob = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(await NextIdAsync());
        await otherJob.ScheduleAsync(new StagingUpsertJobSpec(other, ["small"], new MatchSpec(small), [], smallTotal, "test"));

        // Act: all run at once in this window.
        var started = await Task.WhenAll(jobs.Select(j => j.Grain.RunNowAsync()));
        await otherJob.RunNowAsync();
        var first = await StoppedAsync(jobs, windowStart.AddDays(1), "the tenant's jobs to stop at the cap");
        var otherDone = await JobAssertions.WaitForAsync(otherJob, s => s.Status.IsTerminal(), "the other tenant's job to finish");

        // Assert: every job waits for the next window, and the cap held exactly across both silos.
        Assert.Equal(2, started.Select(s => s.Silo).Distinct().Count());
        Assert.Equal(Quota, first.Sum(s => s.Processed));
        Assert.Equal(Quota, await WindowRowsAsync(tenant, windowStart.AddHours(4)));
        Assert.Equal(Quota, await fixture.ScalarAsync<long>("SELECT coalesce(sum(rows), 0)::bigint FROM job_batches WHERE job_id = ANY(@ids)", ("ids", ids)));
        await AssertWrittenUpToCursorsAsync(tenant, jobs, first);
        Assert.InRange(smallTotal, Quota / 2, Quota - 1);
        Assert.Equal((JobStatus.Done, smallTotal), (otherDone.Status, otherDone.Processed));

        // Act: the next window opens.
        TenantQuotaClusterFixture.Clock.SetUtcNow(windowStart.AddDays(1).AddSeconds(1));
        foreach (var (grain, _, _, _) in jobs)
        {
            await grain.AsReference<IRemindable>().ReceiveReminder("staging-upsert",
                new TickStatus(DateTime.UtcNow, TimeSpan.FromSeconds(3), DateTime.UtcNow), TestContext.Current.CancellationToken);
        }

        var second = await StoppedAsync(jobs, windowStart.AddDays(2), "the tenant's jobs to stop at the next window's cap");

        // Assert: the jobs went on from their cursors, for one more window's worth, and nothing was written twice.
        Assert.Equal(2 * Quota, second.Sum(s => s.Processed));
        Assert.Equal(Quota, await WindowRowsAsync(tenant, windowStart.AddDays(1).AddHours(4)));
        await AssertWrittenUpToCursorsAsync(tenant, jobs, second);
    }

    private Task<long> NextIdAsync()
        => ((InProcessSiloHandle)fixture.Cluster.Silos[0]).SiloHost.Services.GetRequiredService<IJobStore>().NextJobIdAsync();

    private async Task<List<string>> CodesAsync()
    {
        var codes = new List<string>();
        await using var command = fixture.DataSource.CreateCommand("SELECT DISTINCT primary_ssic_code FROM staging_acra_companies WHERE primary_ssic_code IS NOT NULL ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    // Each job processed exactly its matches up to its cursor (nothing skipped or repeated), and the tenant has one
    // score per distinct company among them: a row can match two of the jobs (its primary code in one share, its
    // secondary in another), so the tenant's scores are compared with the union.
    private async Task AssertWrittenUpToCursorsAsync(
        string tenant, List<(IStagingUpsertJobGrain Grain, long Id, long Total, List<string> Codes)> jobs, JobSnapshot[] snapshots)
    {
        var union = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < jobs.Count; i++)
        {
            await using var command = fixture.DataSource.CreateCommand("""
                SELECT s.uen FROM staging_acra_companies s, background_jobs j
                WHERE j.job_id = @id AND s.uen <= coalesce(j.cursor_uen, '')
                  AND (s.primary_ssic_code = ANY(@codes) OR s.secondary_ssic_code = ANY(@codes))
                """);
            command.Parameters.AddWithValue("id", jobs[i].Id);
            command.Parameters.AddWithValue("codes", jobs[i].Codes.ToArray());
            var uens = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    uens.Add(reader.GetString(0));
                }
            }

            Assert.Equal(snapshots[i].Processed, uens.Count);
            union.UnionWith(uens);
        }

        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, union.Count);
    }

    private Task<long> WindowRowsAsync(string tenant, DateTimeOffset windowEndsAt)
        => fixture.ScalarAsync<long>("SELECT coalesce(sum(rows), 0)::bigint FROM job_tenant_windows WHERE tenant_id = @t AND window_ends_at = @e",
            ("t", tenant), ("e", windowEndsAt));

    // Every job back in the queue for the given window, none running or waiting for a turn in this one.
    private static Task<JobSnapshot[]> StoppedAsync(List<(IStagingUpsertJobGrain Grain, long Id, long Total, List<string> Codes)> jobs, DateTimeOffset nextWindow, string what)
        => Eventually.Until(() => Task.WhenAll(jobs.Select(j => j.Grain.GetStatusAsync())),
            s => s.All(j => j.Status == JobStatus.Queued && j.NextRunAt == nextWindow), TimeSpan.FromSeconds(120), what);

    // Moves the shared clock to the start of the next 02:00 UTC window.
    private static DateTimeOffset MoveToNextWindow()
    {
        var now = TenantQuotaClusterFixture.Clock.GetUtcNow();
        var start = new DateTimeOffset(now.Date.AddDays(1).AddHours(2), TimeSpan.Zero);
        TenantQuotaClusterFixture.Clock.SetUtcNow(start);
        return start;
    }
}
