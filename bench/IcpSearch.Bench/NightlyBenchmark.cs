using System.Diagnostics;
using System.Globalization;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace IcpSearch.Bench;

/// <summary>
/// The nightly herd: every job of every tenant is due when the window opens, on a cluster of in-process silos,
/// against hand-written set-based SQL over the same rows; with chat latency during the herd against idle.
/// </summary>
public sealed class NightlyBenchmark : IBenchmark
{
    public string Name => "nightly";

    public string Description => "nightly herd (--tenants 50 --jobs-per-tenant 4 --rows-per-job 2500 --silos 2 --limit N --chats 40 --chat-every-ms 100)";

    public async Task<int> RunAsync(string[] args)
    {
        var tenants = BenchArgs.Int(args, "--tenants", 50);
        var jobsPerTenant = BenchArgs.Int(args, "--jobs-per-tenant", 4);
        var rowsPerJob = BenchArgs.Int(args, "--rows-per-job", 2500);
        var silos = BenchArgs.Int(args, "--silos", 2);
        // The silos share this machine's processors, so each gets its part, as ./run.sh gives the silos it starts.
        var limit = BenchArgs.Int(args, "--limit", Math.Max(1, Environment.ProcessorCount / Math.Max(1, silos)));
        var chats = BenchArgs.Int(args, "--chats", 40);
        // A busy team's pace (10 searches a second), not one client searching flat out: the herd's rate is measured
        // against SQL that runs alone, so the chats should take what real users would, not a whole core.
        var chatEvery = TimeSpan.FromMilliseconds(BenchArgs.Int(args, "--chat-every-ms", 100));
        var rows = tenants * jobsPerTenant * rowsPerJob;
        Console.WriteLine($"nightly herd: {tenants} tenants × {jobsPerTenant} jobs over {rows:N0} staging rows, {silos} silos, JOBS_MAX_CONCURRENT_PER_SILO={limit}, a chat search every {chatEvery.TotalMilliseconds:0} ms");

        var sqlDb = await BenchDatabase.CreateAsync("bench_nightly_sql");
        await BenchRegistry.LoadAsync(sqlDb, rows);
        var (sqlRows, sqlSeconds) = await JobsBenchmark.HandWrittenSqlAsync(sqlDb);

        var herdDb = await BenchDatabase.CreateAsync("bench_nightly_herd");
        await BenchRegistry.LoadAsync(herdDb, rows);
        await using var dataSource = NpgsqlDataSource.Create(herdDb);
        var windowOpens = DateTimeOffset.UtcNow.AddSeconds(45);
        var clusterId = $"bench-nightly-{Guid.NewGuid():N}"[..24];
        var hosts = new List<IHost>();
        try
        {
            for (var i = 0; i < silos; i++)
            {
                hosts.Add(await StartSiloAsync(herdDb, clusterId, windowOpens, limit));
            }

            var grains = hosts[0].Services.GetRequiredService<IGrainFactory>();
            var store = hosts[0].Services.GetRequiredService<IJobStore>();
            var groups = await CodeGroupsAsync(dataSource, tenants * jobsPerTenant);
            var jobIds = new List<(string Tenant, long JobId)>();
            for (var t = 0; t < tenants; t++)
            {
                for (var k = 0; k < jobsPerTenant; k++)
                {
                    var tenant = $"herd-{t:D3}";
                    var (codes, total) = groups[(t * jobsPerTenant + k) % groups.Count];
                    var spec = new StagingUpsertJobSpec(tenant, [$"bench-{t}-{k}"], new MatchSpec(codes), [], total, "bench");
                    var jobId = await store.NextJobIdAsync();
                    // Created on each silo in turn, as tenants' searches run on every silo: the default placement
                    // favours the calling silo, so a herd created through one silo ran on that one alone.
                    var creator = hosts[(t * jobsPerTenant + k) % hosts.Count].Services.GetRequiredService<IGrainFactory>();
                    await creator.GetGrain<IStagingUpsertJobGrain>(jobId).ScheduleAsync(spec);
                    jobIds.Add((tenant, jobId));
                }
            }

            // Warm first (the industry model, the grains, the pools), so idle is not the cold start.
            await ChatLatenciesAsync(grains, 8, "warm", () => false, TimeSpan.Zero);
            var idle = await ChatLatenciesAsync(grains, chats, "idle", () => false, chatEvery);
            if (windowOpens > DateTimeOffset.UtcNow)
            {
                await Task.Delay(windowOpens - DateTimeOffset.UtcNow);
            }

            var ids = jobIds.Select(j => j.JobId).ToArray();
            var herdDone = false;
            var chat = ChatLatenciesAsync(grains, int.MaxValue, "herd", () => herdDone, chatEvery);
            while (await OpenJobsAsync(dataSource, ids) > 0)
            {
                await Task.Delay(500);
            }

            herdDone = true;
            var during = await chat;
            await ReportAsync(dataSource, ids, sqlRows / sqlSeconds, rows, limit * silos, windowOpens, idle, during);
            var placed = await Task.WhenAll(ids.Select(id => grains.GetGrain<IStagingUpsertJobGrain>(id).GetStatusAsync()));
            Console.WriteLine($"jobs placed on {placed.Select(s => s.Silo).Distinct().Count()} of {silos} silos");
            return 0;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.StopAsync();
                host.Dispose();
            }

            NpgsqlConnection.ClearAllPools();
        }
    }

    private static Task<IHost> StartSiloAsync(string connectionString, string clusterId, DateTimeOffset windowOpens, int limit)
        => BenchSilo.StartAsync(connectionString, clusterId, new Dictionary<string, string?>
        {
            ["StagingUpsertJobOptions:NightlyAt"] = windowOpens.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            ["StagingUpsertJobOptions:Window"] = "04:00:00",
            ["StagingUpsertJobOptions:MaxConcurrentPerSilo"] = limit.ToString(CultureInfo.InvariantCulture),
            ["StagingUpsertJobOptions:YieldDelay"] = "00:00:01",
        });

    // Splits the level-5 codes that have rows into groups of about equal row counts (by primary code), one per job;
    // a job also matches rows whose secondary code is in its group, so jobs overlap a little, as real searches do.
    private static async Task<List<(List<string> Codes, long Rows)>> CodeGroupsAsync(NpgsqlDataSource dataSource, int groups)
    {
        var result = Enumerable.Range(0, groups).Select(_ => new List<string>()).ToList();
        var load = new long[groups];
        await using var command = dataSource.CreateCommand("""
            SELECT primary_ssic_code, count(*) FROM staging_acra_companies
            WHERE primary_ssic_code IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1
            """);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var lightest = Array.IndexOf(load, load.Min());
            result[lightest].Add(reader.GetString(0));
            load[lightest] += reader.GetInt64(1);
        }

        await reader.DisposeAsync();
        var groupsWithRows = new List<(List<string>, long)>();
        foreach (var codes in result.Where(g => g.Count > 0))
        {
            await using var count = dataSource.CreateCommand(
                "SELECT count(*) FROM staging_acra_companies WHERE primary_ssic_code = ANY(@c) OR secondary_ssic_code = ANY(@c)");
            count.Parameters.AddWithValue("c", codes.ToArray());
            groupsWithRows.Add((codes, (long)(await count.ExecuteScalarAsync())!));
        }

        return groupsWithRows;
    }

    // One search at a time, started every `every` (or back to back when zero, or when a search takes longer).
    private static async Task<List<double>> ChatLatenciesAsync(IGrainFactory grains, int count, string label, Func<bool> stop, TimeSpan every)
    {
        var samples = new List<double>();
        using var pace = every > TimeSpan.Zero ? new PeriodicTimer(every) : null;
        for (var i = 0; i < count && !stop(); i++)
        {
            var clock = Stopwatch.StartNew();
            await grains.GetTenantSearchGrain($"chat-{label}-{i % 8}").SearchAsync(new SearchRequest("Manufacturing companies"));
            samples.Add(clock.Elapsed.TotalMilliseconds);
            if (pace is not null)
            {
                await pace.WaitForNextTickAsync();
            }
        }

        return samples;
    }

    private static async Task<long> OpenJobsAsync(NpgsqlDataSource dataSource, long[] ids)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM background_jobs WHERE job_id = ANY(@ids) AND status IN ('queued', 'running')");
        command.Parameters.AddWithValue("ids", ids);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ReportAsync(NpgsqlDataSource dataSource, long[] ids, double sqlRate, long rows, int maxTurns,
        DateTimeOffset windowOpens, List<double> idle, List<double> during)
    {
        await using var command = dataSource.CreateCommand("""
            WITH b AS (
                SELECT job_id, finished_at - make_interval(secs => duration_ms / 1000.0) AS started, finished_at, rows
                FROM job_batches WHERE job_id = ANY(@ids)
            ), flight AS (
                SELECT max((SELECT count(*) FROM b o WHERE o.started <= s.started AND o.finished_at > s.started)) AS most FROM b s
            ), tenants AS (
                SELECT tenant_id, max(ended_at) AS ended FROM background_jobs WHERE job_id = ANY(@ids) GROUP BY tenant_id
            )
            SELECT (SELECT sum(rows) FROM b), (SELECT extract(epoch FROM max(finished_at) - min(started)) FROM b),
                   (SELECT most FROM flight),
                   (SELECT extract(epoch FROM min(ended) - @opens) FROM tenants),
                   (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM ended - @opens)) FROM tenants),
                   (SELECT extract(epoch FROM max(ended) - @opens) FROM tenants),
                   (SELECT count(*) FROM background_jobs WHERE job_id = ANY(@ids) AND status <> 'done'),
                   (SELECT sum(processed) FROM background_jobs WHERE job_id = ANY(@ids)),
                   (SELECT sum(total) FROM background_jobs WHERE job_id = ANY(@ids))
            """);
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("opens", windowOpens);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var written = reader.GetInt64(0);
        var seconds = (double)reader.GetDecimal(1);
        var herdRate = written / seconds;
        var idleP95 = Stats.Percentile(idle, 95);
        var herdP95 = during.Count == 0 ? double.NaN : Stats.Percentile(during, 95);
        Console.WriteLine("| rows written (staging rows) | herd rows/s | hand-written SQL rows/s | ratio | most batches in flight (limit × silos) | tenant completion min / median / max (s after the window opened) | chat p95 idle / herd (ms) | ratio | jobs not done | processed / total |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {written:N0} ({rows:N0}) | {herdRate:N0} | {sqlRate:N0} | {herdRate / sqlRate:0.00} | {reader.GetInt64(2)} ({maxTurns}) | {reader.GetDecimal(3):0.0} / {reader.GetDouble(4):0.0} / {reader.GetDecimal(5):0.0} | {idleP95:0} / {herdP95:0} ({during.Count} chats) | {herdP95 / idleP95:0.00} | {reader.GetInt64(6)} | {reader.GetDecimal(7):N0} / {reader.GetDecimal(8):N0} |"));
    }
}
