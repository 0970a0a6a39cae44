using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Jobs;

/// <summary>
/// Reads what a job really wrote, straight from the database.
/// </summary>
internal static class JobAssertions
{
    /// <summary>Returns the number of staging rows matching the codes, counted independently of the code under test.</summary>
    public static Task<long> CountMatchesAsync(DatabaseFixture db, IReadOnlyList<string> codes)
        => db.ScalarAsync<long>(
            "SELECT count(*) FROM staging_acra_companies WHERE primary_ssic_code = ANY(@codes) OR secondary_ssic_code = ANY(@codes)",
            ("codes", codes.ToArray()));

    /// <summary>Asserts that the tenant has exactly <paramref name="expected"/> scores, each for a distinct company with a distinct UEN.</summary>
    public static async Task AssertWrittenOnceAsync(DatabaseFixture db, string tenant, long expected)
    {
        var scores = await db.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", tenant));
        var distinctUens = await db.ScalarAsync<long>(
            "SELECT count(DISTINCT c.uen) FROM lead_scores s JOIN companies c USING (company_id) WHERE s.tenant_id = @t", ("t", tenant));
        Assert.Equal(expected, scores);
        Assert.Equal(expected, distinctUens);
    }

    /// <summary>Returns the job's row in background_jobs without touching its grain.</summary>
    public static async Task<(string Status, long Processed, long Total, string? ErrorCode)> MirrorAsync(DatabaseFixture db, long jobId)
    {
        await using var command = db.DataSource.CreateCommand("SELECT status, processed, total, error_code FROM background_jobs WHERE job_id = @id");
        command.Parameters.AddWithValue("id", jobId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"job {jobId} has no row");
        return (reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetString(3));
    }

    /// <summary>Returns the due time of the job's reminder, or null when it has none.</summary>
    /// <remarks>The table keys reminders by the grain id's text, in which Orleans writes an integer key in hex.</remarks>
    public static async Task<DateTimeOffset?> ReminderStartAsync(DatabaseFixture db, IStagingUpsertJobGrain job)
    {
        await using var command = db.DataSource.CreateCommand(
            "SELECT starttime FROM orleansreminderstable WHERE remindername = 'staging-upsert' AND grainid = @grain");
        command.Parameters.AddWithValue("grain", job.GetGrainId().ToString());
        var value = await command.ExecuteScalarAsync();
        return value is DateTime start ? new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)) : value as DateTimeOffset?;
    }

    /// <summary>Waits until the job's reminder is gone: a job persists its terminal status first and unregisters its reminder right after.</summary>
    public static Task WaitForNoReminderAsync(DatabaseFixture db, IStagingUpsertJobGrain job)
        => Eventually.Until(() => ReminderStartAsync(db, job), r => r is null, TimeSpan.FromSeconds(10), $"{job.GetGrainId()}'s reminder to be removed");

    /// <summary>Polls the job's grain until its status satisfies <paramref name="done"/>.</summary>
    public static Task<JobSnapshot> WaitForAsync(IStagingUpsertJobGrain job, Func<JobSnapshot, bool> done, string what, int seconds = 60)
        => Eventually.Until(job.GetStatusAsync, done, TimeSpan.FromSeconds(seconds), what);

    /// <summary>
    /// Runs a job over wholesale and retail for a new tenant now and returns it once three batches are in, with the
    /// silo running it and the addresses of the others, for a test that takes that silo away.
    /// </summary>
    public static async Task<MidRunJob> RunUntilMidRunAsync(ClusterFixture fixture, string tenantPrefix)
    {
        var tenant = tenantPrefix + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Grains.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["wholesale", "retail"]);
        var job = fixture.Grains.GetGrain<IStagingUpsertJobGrain>(created.JobId);
        await job.RunNowAsync();
        var running = await WaitForAsync(job, s => s.Processed >= 600, "three batches");
        var host = fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == running.Silo);
        var survivors = fixture.Cluster.Silos.Where(s => s != host).Select(s => s.SiloAddress.ToString()).ToList();
        return new MidRunJob(tenant, created, job, running, host, survivors);
    }
}

