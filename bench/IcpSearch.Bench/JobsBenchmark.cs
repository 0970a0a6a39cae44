using System.Diagnostics;
using System.Globalization;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Jobs;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IcpSearch.Bench;

/// <summary>
/// A staging upsert job over every row of an N-row registry (run-now, one uncapped run) against the same rows
/// written by hand-written set-based SQL (one INSERT ... SELECT ... ON CONFLICT per table), and against the job's own
/// write statements sent back to back, each in a fresh database.
/// </summary>
public sealed class JobsBenchmark : IBenchmark
{
    private const string Tenant = "bench";

    public string Name => "jobs";

    public string Description => "job throughput vs hand-written set-based SQL and vs its own writes alone (--rows 100000 --batch 500)";

    public async Task<int> RunAsync(string[] args)
    {
        var rows = BenchArgs.Int(args, "--rows", 100_000);
        var batch = BenchArgs.Int(args, "--batch", 500);
        var rounds = BenchArgs.Int(args, "--rounds", 3);

        Console.WriteLine($"jobs benchmark: {rows:N0} staging rows, every row matched, STAGING_BATCH_SIZE={batch}, one uncapped run, after a warm-up job of {Math.Min(rows, 20_000):N0} rows; {rounds} rounds, each in fresh databases");
        Console.WriteLine("writes alone: the job's own batch writes (same statement, same commit mode) for the same batches, prepared beforehand and sent back to back with nothing else running: the most a job could reach with its write as it is");
        Console.WriteLine("| round | job rows/s | writes alone rows/s | hand-written SQL rows/s | job / SQL | writes alone / SQL | batch p50 / p95 (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        // The silos of a night's run are warm; without this the first round would also time the JIT.
        var warmDb = await BenchDatabase.CreateAsync("bench_jobs_warm");
        await BenchRegistry.LoadAsync(warmDb, Math.Min(rows, 20_000));
        await JobAsync(warmDb, batch);
        var ratios = new List<double>();
        var writeRatios = new List<double>();
        var jobRates = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var sqlDb = await BenchDatabase.CreateAsync("bench_jobs_sql");
            await BenchRegistry.LoadAsync(sqlDb, rows);
            var (sqlRows, sqlSeconds) = await HandWrittenSqlAsync(sqlDb);

            var writesDb = await BenchDatabase.CreateAsync("bench_jobs_writes");
            await BenchRegistry.LoadAsync(writesDb, rows);
            var (writeRows, writeSeconds) = await WritesAloneAsync(writesDb, batch);

            var jobDb = await BenchDatabase.CreateAsync("bench_jobs_grain");
            await BenchRegistry.LoadAsync(jobDb, rows);
            var (jobRows, jobSeconds, batchP50, batchP95) = await JobAsync(jobDb, batch);
            if (jobRows != rows || sqlRows != rows || writeRows != rows)
            {
                throw new InvalidOperationException($"expected {rows} rows each, the job wrote {jobRows}, its writes alone {writeRows} and the SQL {sqlRows}");
            }

            var jobRate = jobRows / jobSeconds;
            var writeRate = writeRows / writeSeconds;
            var sqlRate = sqlRows / sqlSeconds;
            ratios.Add(jobRate / sqlRate);
            writeRatios.Add(writeRate / sqlRate);
            jobRates.Add(jobRate);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {round} | {jobRate:N0} | {writeRate:N0} | {sqlRate:N0} | {jobRate / sqlRate:0.00} | {writeRate / sqlRate:0.00} | {batchP50:0.0} / {batchP95:0.0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| median | {Stats.Percentile(jobRates, 50):N0} | | | {Stats.Percentile(ratios, 50):0.00} | {Stats.Percentile(writeRatios, 50):0.00} | |"));
        return 0;
    }

    internal static async Task<(long Rows, double Seconds)> HandWrittenSqlAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO companies AS c (uen, name, industry_norm, industry_code, employees_est, size_band, incorporation_year,
                founded_year, sg_registered, entity_type, entity_status, postal_code, enrichment_status)
            SELECT s.uen, s.entity_name, sec.title, s.primary_ssic_code, s.no_of_officers * 5,
                   CASE WHEN s.no_of_officers <= 2 THEN 'micro' WHEN s.no_of_officers <= 5 THEN 'small' WHEN s.no_of_officers <= 20 THEN 'medium' ELSE 'large' END,
                   extract(year FROM s.registration_incorporation_date)::int, extract(year FROM s.registration_incorporation_date)::int,
                   s.live_rank = 0, s.entity_type_description, s.entity_status_description, s.postal_code, 'ok'
            FROM staging_acra_companies s
            LEFT JOIN ssic_ref code ON code.code = s.primary_ssic_code AND code.level = 5
            LEFT JOIN ssic_ref sec ON sec.version = code.version AND sec.code = code.section
            ON CONFLICT (uen) DO UPDATE SET name = excluded.name, industry_norm = excluded.industry_norm, last_seen = now(), updated_at = now();

            INSERT INTO enrichment_runs (company_id, source, outcome, duration_ms, started_at, tenant_id)
            SELECT c.company_id, 'registry-firmographics', 'ok', 0, now(), @tenant
            FROM companies c JOIN staging_acra_companies s ON s.uen = c.uen;

            INSERT INTO lead_scores (tenant_id, company_id, score, bucket, rationale)
            SELECT @tenant, c.company_id, sc.score, CASE WHEN sc.score >= 70 THEN 'high' WHEN sc.score >= 45 THEN 'medium' ELSE 'low' END,
                   'industry in search target (+40); ' || coalesce(c.entity_status, 'unknown') || ' (+' || CASE WHEN c.sg_registered THEN 20 ELSE 0 END || ')'
            FROM companies c
            CROSS JOIN LATERAL (SELECT (40 + CASE WHEN c.sg_registered THEN 20 ELSE 0 END
                                        + CASE WHEN 2026 - c.incorporation_year >= 3 THEN 15 ELSE 8 END
                                        + CASE WHEN c.size_band IN ('medium', 'large') THEN 15 ELSE 5 END
                                        + CASE WHEN c.entity_type ILIKE '%company%' THEN 10 ELSE 5 END)::smallint AS score) sc
            ON CONFLICT (tenant_id, company_id) DO UPDATE SET score = excluded.score, bucket = excluded.bucket, rationale = excluded.rationale, scored_at = now();
            """, connection, transaction);
        command.Parameters.AddWithValue("tenant", Tenant);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM lead_scores");
        return ((long)(await count.ExecuteScalarAsync())!, seconds);
    }

    // The job's batches, read and prepared by the job's own registry and pipeline with the same profile, then written
    // one after another as the job writes them (the company store's statement in a transaction that commits without
    // waiting for the flush), on the silo's data source: the write's cost with no prefetch beside it, no job row and
    // no grain, which the job's rate can approach but not pass.
    private static async Task<(long Rows, double Seconds)> WritesAloneAsync(string connectionString, int batch)
    {
        using var host = await BenchSilo.StartAsync(connectionString, $"bench-writes-{Guid.NewGuid():N}"[..24], new Dictionary<string, string?>());
        try
        {
            var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
            var match = await MatchEverythingAsync(dataSource);
            var registry = host.Services.GetRequiredService<IStagingRegistry>();
            var pipeline = host.Services.GetRequiredService<ILeadPipeline>();
            var companies = host.Services.GetRequiredService<NpgsqlCompanyStore>();
            var profile = await host.Services.GetRequiredService<IGrainFactory>().GetTenantSearchGrain(Tenant).GetIcpProfileAsync();
            var scoring = new ScoringContext(profile, match.Codes, DateOnly.FromDateTime(DateTime.UtcNow));
            var writes = new List<CompanyWrite>();
            string? after = null;
            while (await registry.ReadBatchAsync(match, after, [], batch) is { Count: > 0 } rows)
            {
                writes.Add(await pipeline.PrepareAsync(new PipelineRequest(Tenant, rows, scoring)));
                after = rows[^1].Uen;
            }

            var clock = Stopwatch.StartNew();
            foreach (var write in writes)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                await using var commands = new NpgsqlBatch(connection, transaction)
                {
                    BatchCommands = { JobBatchCommit.Asynchronous(), companies.CreateSaveCommand(write, runJobId: null) },
                };
                await commands.ExecuteNonQueryAsync();
                await transaction.CommitAsync();
            }

            var seconds = clock.Elapsed.TotalSeconds;
            await using var count = dataSource.CreateCommand("SELECT count(*) FROM lead_scores");
            return ((long)(await count.ExecuteScalarAsync())!, seconds);
        }
        finally
        {
            await host.StopAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task<MatchSpec> MatchEverythingAsync(NpgsqlDataSource dataSource)
    {
        var codes = new List<string>();
        await using var all = dataSource.CreateCommand("SELECT code FROM ssic_ref WHERE level = 5");
        await using var reader = await all.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }

        return new MatchSpec(codes);
    }

    private static async Task<(long Rows, double Seconds, double BatchP50, double BatchP95)> JobAsync(string connectionString, int batch)
    {
        var clusterId = $"bench-jobs-{Guid.NewGuid():N}"[..24];
        using var host = await BenchSilo.StartAsync(connectionString, clusterId, new Dictionary<string, string?>
        {
            ["StagingUpsertJobOptions:BatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
            ["StagingUpsertJobOptions:MaxRowsPerRun"] = "100000000",
            ["StagingUpsertJobOptions:NightlyAt"] = DateTime.UtcNow.AddHours(12).ToString("HH:mm", CultureInfo.InvariantCulture),
        });
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var store = host.Services.GetRequiredService<IJobStore>();
            var spec = new StagingUpsertJobSpec(Tenant, ["everything"], await MatchEverythingAsync(dataSource), [], 0, "bench");
            var jobId = await store.NextJobIdAsync();
            var job = grains.GetGrain<IStagingUpsertJobGrain>(jobId);
            await job.ScheduleAsync(spec);

            var clock = Stopwatch.StartNew();
            await job.RunNowAsync();
            JobSnapshot status;
            do
            {
                await Task.Delay(50);
                status = await job.GetStatusAsync();
            }
            while (!status.Status.IsTerminal());

            var seconds = clock.Elapsed.TotalSeconds;
            if (status.Status != JobStatus.Done)
            {
                throw new InvalidOperationException($"job ended {status.Status}: {status.Error}");
            }

            var durations = new List<double>();
            await using (var batches = dataSource.CreateCommand("SELECT duration_ms FROM job_batches WHERE job_id = @id"))
            {
                batches.Parameters.AddWithValue("id", jobId);
                await using var reader = await batches.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    durations.Add(reader.GetFloat(0));
                }
            }

            return (status.Processed, seconds, Stats.Percentile(durations, 50), Stats.Percentile(durations, 95));
        }
        finally
        {
            await host.StopAsync();
            // The Orleans providers pool connections by connection string; the next round drops and re-creates
            // this database, which would hand them dead connections.
            NpgsqlConnection.ClearAllPools();
        }
    }

}
