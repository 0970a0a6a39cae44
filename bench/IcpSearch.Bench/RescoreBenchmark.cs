using System.Diagnostics;
using System.Globalization;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IcpSearch.Bench;

/// <summary>
/// The re-scoring job over N lead scores of one tenant (plus a fifth as many of another tenant, which it must leave
/// alone): each round saves a different ICP profile, which starts the job, and times it from the save to done.
/// </summary>
public sealed class RescoreBenchmark : IBenchmark
{
    private const string Tenant = "bench";

    private static readonly IcpProfile[] Profiles =
    [
        new(["46"], 5, 20, ["Local Company"], [], 2, 30, ["22"], new IcpWeights(30, 10, 20, 20, 10, 10)),
        IcpProfile.Default with { TargetSsicCodes = ["C"], MinOfficers = 10 },
        IcpProfile.Default,
    ];

    public string Name => "rescore";

    public string Description => "ICP re-scoring job scores/s (--leads 200000 --rounds 3 --batch 5000)";

    public async Task<int> RunAsync(string[] args)
    {
        var leads = BenchArgs.Int(args, "--leads", 200_000);
        var rounds = BenchArgs.Int(args, "--rounds", 3);
        var batch = BenchArgs.Int(args, "--batch", 5000);

        Console.WriteLine($"rescore benchmark: {leads:N0} lead scores of one tenant (+{leads / 5:N0} of another), RESCORE_BATCH_SIZE={batch}; {rounds} rounds, each a new ICP profile");
        var db = await BenchDatabase.CreateAsync("bench_rescore");
        var seed = Stopwatch.StartNew();
        await SeedAsync(db, leads);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded in {seed.Elapsed.TotalSeconds:0.0} s"));

        var clusterId = $"bench-rescore-{Guid.NewGuid():N}"[..24];
        using var host = await BenchSilo.StartAsync(db, clusterId, new Dictionary<string, string?>
        {
            ["RescoreJobOptions:BatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
        });
        try
        {
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            await using var dataSource = NpgsqlDataSource.Create(db);
            Console.WriteLine("| round | scores | seconds | scores/s | batch p50 / p95 (ms) |");
            Console.WriteLine("|---|---|---|---|---|");
            var rates = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                var before = await MaxJobIdAsync(dataSource);
                var clock = Stopwatch.StartNew();
                await grains.GetGrain<ITenantSearchGrain>(TenantGrainKey.For(Tenant)).SetIcpProfileAsync(Profiles[(round - 1) % Profiles.Length]);
                var jobId = await MaxJobIdAsync(dataSource);
                if (jobId == before)
                {
                    throw new InvalidOperationException("saving the profile started no re-scoring job");
                }

                var job = grains.GetGrain<IRescoreJobGrain>(jobId);
                JobSnapshot status;
                do
                {
                    await Task.Delay(20);
                    status = await job.GetStatusAsync();
                }
                while (!status.Status.IsTerminal());

                var seconds = clock.Elapsed.TotalSeconds;
                if (status.Status != JobStatus.Done || status.Processed != leads)
                {
                    throw new InvalidOperationException($"job ended {status.Status} with {status.Processed} of {leads} scores: {status.Error}");
                }

                var durations = await BatchDurationsAsync(dataSource, jobId);
                var rate = status.Processed / seconds;
                rates.Add(rate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {round} | {status.Processed:N0} | {seconds:0.00} | {rate:N0} | {Stats.Percentile(durations, 50):0.0} / {Stats.Percentile(durations, 95):0.0} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| median | | | {Stats.Percentile(rates, 50):N0} | |"));
            var untouched = await CountAsync(dataSource, "SELECT count(*) FROM lead_scores WHERE tenant_id = 'other' AND rationale = 'seeded'");
            Console.WriteLine(untouched == leads / 5 ? "other tenant's scores untouched" : $"other tenant's scores CHANGED: {leads / 5 - untouched}");
            return untouched == leads / 5 ? 0 : 1;
        }
        finally
        {
            await host.StopAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    // Varied facts, so every factor of the model has something to grade; a fifth of the companies is scored for a
    // second tenant too.
    private static async Task SeedAsync(string connectionString, int leads)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO companies (uen, name, industry_code, secondary_ssic_code, entity_status, sg_registered, incorporation_year,
                                   officers, entity_type, postal_code, enrichment_status)
            SELECT 'B' || lpad(g::text, 9, '0'), 'Bench ' || g,
                   (ARRAY['10101', '46100', '46521', '47110', '62011', '25111', '56101', NULL])[1 + g % 8],
                   CASE WHEN g % 4 = 0 THEN (ARRAY['46900', '25111', '70201'])[1 + g % 3] END,
                   CASE WHEN g % 9 = 0 THEN 'Struck Off' ELSE 'Live Company' END, g % 9 <> 0,
                   CASE WHEN g % 11 = 0 THEN NULL ELSE 1970 + g % 56 END,
                   CASE WHEN g % 13 = 0 THEN NULL ELSE g % 61 END,
                   (ARRAY['Local Company', 'Sole Proprietorship/ Partnership', 'Limited Liability Partnership'])[1 + g % 3],
                   CASE WHEN g % 7 = 0 THEN NULL ELSE lpad(((g * 7919) % 830000)::text, 6, '0') END, 'ok'
            FROM generate_series(1, @leads) g;

            INSERT INTO lead_scores (tenant_id, company_id, score, bucket, rationale, searched_industry_grade)
            SELECT @tenant, company_id, 0, 'low', 'seeded', CASE WHEN company_id % 3 = 0 THEN NULL ELSE (company_id % 3) * 350 END
            FROM companies;

            INSERT INTO lead_scores (tenant_id, company_id, score, bucket, rationale)
            SELECT 'other', company_id, 50, 'medium', 'seeded' FROM companies WHERE company_id % 5 = 0;

            ANALYZE companies;
            ANALYZE lead_scores;
            """);
        command.Parameters.AddWithValue("leads", leads);
        command.Parameters.AddWithValue("tenant", Tenant);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> MaxJobIdAsync(NpgsqlDataSource dataSource)
        => await CountAsync(dataSource, "SELECT coalesce(max(job_id), 0) FROM background_jobs WHERE job_type = 'rescore'");

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<double>> BatchDurationsAsync(NpgsqlDataSource dataSource, long jobId)
    {
        var durations = new List<double>();
        await using var command = dataSource.CreateCommand("SELECT duration_ms FROM job_batches WHERE job_id = @id");
        command.Parameters.AddWithValue("id", jobId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            durations.Add(reader.GetFloat(0));
        }

        return durations;
    }
}
