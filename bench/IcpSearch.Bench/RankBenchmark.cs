using System.Diagnostics;
using System.Globalization;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;
using Npgsql;

namespace IcpSearch.Bench;

/// <summary>
/// The cold ranking of the synchronous 10 (<see cref="NpgsqlStagingRegistry.ReadBestAsync"/> with an empty cache) for
/// broad and narrow live specs under three ICP profiles, against the unranked head and against scoring every match
/// (the ranking query without its sample and prefilter), in the same run on the same registry.
/// </summary>
public sealed class RankBenchmark : IBenchmark
{
    public string Name => "rank";

    public string Description => "cold ranking of the synchronous 10 vs the unranked head and vs scoring every match (--rows 1000000 --calls 5)";

    private static readonly (string Name, string Divisions)[] Specs =
    [
        ("manufacturing (section C)", "left(primary_ssic_code, 2) BETWEEN '10' AND '33'"),
        ("wholesale and retail (section G)", "left(primary_ssic_code, 2) BETWEEN '45' AND '47'"),
        ("software (division 62)", "left(primary_ssic_code, 2) = '62'"),
    ];

    private static readonly (string Name, IcpProfile Profile)[] Profiles =
    [
        ("default", IcpProfile.Default),
        ("20+ officers, 10+ years, local", IcpProfile.Default with { MinOfficers = 20, MinAgeYears = 10, EntityTypes = ["Local Company"] }),
        ("D22, under 5 years", IcpProfile.Default with { Districts = ["22"], MaxAgeYears = 5 }),
    ];

    public async Task<int> RunAsync(string[] args)
    {
        var rows = BenchArgs.Int(args, "--rows", 1_000_000);
        var calls = BenchArgs.Int(args, "--calls", 5);
        var connectionString = await BenchDatabase.CreateAsync($"bench_rank_{rows}");
        await BenchRegistry.LoadAsync(connectionString, rows);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Console.WriteLine($"rank benchmark: {rows:N0} staging rows, live matches, {calls} calls each with an empty ranking cache, the 10 best");
        Console.WriteLine("| spec | matches | profile | ranked p50 / max (ms) | unranked head p50 (ms) | every match scored p50 (ms) | ranked / every match |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (specName, divisions) in Specs)
        {
            string[] codes;
            await using (var command = dataSource.CreateCommand($"SELECT array_agg(DISTINCT primary_ssic_code) FROM staging_acra_companies WHERE {divisions}"))
            {
                codes = (string[])(await command.ExecuteScalarAsync())!;
            }

            var spec = new MatchSpec(codes, MatchFilters.None with { LiveOnly = true });
            var matches = await new NpgsqlStagingRegistry(dataSource).CountMatchesAsync(spec);
            foreach (var (profileName, profile) in Profiles)
            {
                var model = new IcpScoreModel(profile, codes, today);
                var ranked = await TimeAsync(calls, () => new NpgsqlStagingRegistry(dataSource).ReadBestAsync(spec, model, 10));
                var head = await TimeAsync(calls, () => new NpgsqlStagingRegistry(dataSource).ReadHeadAsync(spec, 10));
                var every = await TimeAsync(calls, () => ScoreEveryMatchAsync(dataSource, spec, model));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {specName} | {matches:N0} | {profileName} | {Stats.Percentile(ranked, 50):0} / {ranked.Max():0} | {Stats.Percentile(head, 50):0.0} | {Stats.Percentile(every, 50):0} | {Stats.Percentile(ranked, 50) / Stats.Percentile(every, 50):0.00} |"));
            }
        }

        return 0;
    }

    private static async Task<List<double>> TimeAsync<T>(int calls, Func<Task<T>> call)
    {
        var samples = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        return samples;
    }

    // The ranking query alone, over every match: what ReadBestAsync did before its sample and prefilter.
    private static async Task<int> ScoreEveryMatchAsync(NpgsqlDataSource dataSource, MatchSpec spec, IcpScoreModel model)
    {
        await using var command = dataSource.CreateCommand(NpgsqlStagingRegistry.BestSql(spec.Codes.Count > NpgsqlStagingRegistry.ManyCodes, MatchFilterSql.Predicate(spec.Filters), model));
        command.Parameters.Add(new NpgsqlParameter<string[]>("codes", spec.Codes.ToArray()));
        MatchFilterSql.AddParameters(command.Parameters, spec.Filters);
        model.AddParameters(command.Parameters);
        command.Parameters.AddWithValue("limit", 10);
        var read = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            read++;
        }

        return read;
    }
}
