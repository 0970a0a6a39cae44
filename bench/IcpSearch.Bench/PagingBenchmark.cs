using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Leads;
using IcpSearch.Grains.Leads;
using Npgsql;

namespace IcpSearch.Bench;

/// <summary>
/// Page fetch latency of the lead store at the first page and 5,000 pages deep: keyset (the store's own SQL) against
/// the same query with OFFSET, on one tenant with over a million scores.
/// </summary>
public sealed class PagingBenchmark : IBenchmark
{
    private const string Tenant = "bench";
    private const int PageSize = PageLimits.Max;

    public string Name => "paging";

    public string Description => "keyset vs OFFSET page fetch (limit 200) at page 1 and page 5,000 of >= 1M lead scores [--rows N] [--iterations N] [--deep-page N]";

    public async Task<int> RunAsync(string[] args)
    {
        var deepPage = BenchArgs.Int(args, "--deep-page", 5_000);
        var rows = BenchArgs.Int(args, "--rows", Math.Max(1_000_000, (deepPage + 1) * PageSize + 1_000));
        var iterations = BenchArgs.Int(args, "--iterations", 200);
        if (rows < (deepPage + 1) * PageSize)
        {
            Console.Error.WriteLine($"paging: --rows must be at least {(deepPage + 1) * PageSize} to reach page {deepPage}.");
            return 2;
        }

        var connectionString = await BenchDatabase.CreateAsync("icpsearch_bench_paging");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Console.WriteLine($"seeding {rows:N0} companies and lead scores for tenant '{Tenant}' (+ {rows / 5:N0} for another tenant)...");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(dataSource, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded in {seeding.Elapsed.TotalSeconds:0.0} s ({rows / seeding.Elapsed.TotalSeconds:N0} rows/s, incl. VACUUM ANALYZE)"));

        var store = new NpgsqlLeadStore(dataSource);
        var deepOffset = deepPage * PageSize;
        var deepCursor = await CursorAtAsync(dataSource, deepOffset);

        // The same page both ways, or the comparison means nothing.
        var keysetDeep = await store.GetPageAsync(new LeadPageRequest(Tenant, PageSize, deepCursor));
        var offsetDeep = await OffsetPageAsync(dataSource, deepOffset);
        if (!keysetDeep.Items.Select(r => r.CompanyId).SequenceEqual(offsetDeep))
        {
            Console.Error.WriteLine("paging: the keyset and OFFSET pages differ; aborting.");
            return 1;
        }

        Console.WriteLine($"page {deepPage:N0} (rows {deepOffset + 1:N0}-{deepOffset + PageSize:N0}) is identical by keyset and by OFFSET; cursor {deepCursor}");
        Console.WriteLine($"plan, keyset deep: {await PlanSummaryAsync(dataSource, NpgsqlLeadStore.ScoresPageSql, deepCursor, null)}");
        Console.WriteLine($"plan, OFFSET deep: {await PlanSummaryAsync(dataSource, OffsetSql, null, deepOffset)}");

        // The fast queries run round-robin so background work (checkpoints, autovacuum) hits them alike; OFFSET deep
        // pages are slow by design and get fewer iterations to keep the run short.
        await using (var checkpoint = dataSource.CreateCommand("CHECKPOINT"))
        {
            await checkpoint.ExecuteNonQueryAsync();
        }

        var fast = await MeasureInterleavedAsync(iterations,
            async () => await store.GetPageAsync(new LeadPageRequest(Tenant, PageSize, null)),
            async () => await store.GetPageAsync(new LeadPageRequest(Tenant, PageSize, deepCursor)),
            async () => await OffsetPageAsync(dataSource, 0));
        var slow = await MeasureInterleavedAsync(Math.Max(20, iterations / 10), async () => await OffsetPageAsync(dataSource, deepOffset));
        var results = new List<(string Name, List<double> Samples)>
        {
            ("keyset, page 1", fast[0]),
            ($"keyset, page {deepPage:N0}", fast[1]),
            ("OFFSET, page 1", fast[2]),
            ($"OFFSET, page {deepPage:N0}", slow[0]),
        };

        Console.WriteLine();
        Console.WriteLine($"{"query (limit 200)",-22} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9} {"n",5}");
        foreach (var (name, samples) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} {Stats.Percentile(samples, 50),9:0.00} {Stats.Percentile(samples, 95),9:0.00} {Stats.Percentile(samples, 99),9:0.00} {samples.Count,5}"));
        }

        double P95(int i) => Stats.Percentile(results[i].Samples, 95);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p95 deep/first, keyset: {P95(1) / P95(0):0.00}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p95 deep/first, OFFSET: {P95(3) / P95(2):0.0}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p95 at page {deepPage:N0}, OFFSET/keyset: {P95(3) / P95(1):0.0}x"));
        return 0;
    }

    // The store's own select list and order, paged the naive way: what keyset pagination replaces.
    private static string OffsetSql => $"""
        {NpgsqlLeadStore.Select}
        WHERE s.tenant_id = @tenant_id
        ORDER BY s.score DESC, s.company_id DESC
        LIMIT @limit OFFSET @offset
        """;

    private static async Task SeedAsync(NpgsqlDataSource dataSource, int rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var sql in new[]
        {
            """
            INSERT INTO companies (uen, name, industry_norm, industry_code, website_domain, size_band, incorporation_year,
                                   entity_status, hq_district, enrichment_status)
            SELECT 'B' || lpad(g::text, 9, '0'), 'Bench Company ' || g,
                   (ARRAY['Manufacturing', 'Construction', 'Wholesale and Retail Trade', 'Information and Communications'])[1 + g % 4],
                   '10101', 'bench' || g || '.example.sg', 'small', 1980 + g % 45, 'Live Company', lpad((1 + g % 28)::text, 2, '0'), 'ok'
            FROM generate_series(1, @rows) g
            """,
            """
            INSERT INTO lead_scores (tenant_id, company_id, score, bucket, rationale)
            SELECT @tenant, company_id, score, CASE WHEN score >= 70 THEN 'high' WHEN score >= 40 THEN 'medium' ELSE 'low' END,
                   'industry match; size fit; age fit'
            FROM (SELECT company_id, (hashtext(uen) & 2147483647) % 101 AS score FROM companies) c
            """,
            """
            INSERT INTO lead_scores (tenant_id, company_id, score, bucket, rationale)
            SELECT 'other', company_id, company_id % 101, 'medium', 'other tenant' FROM companies WHERE company_id % 5 = 0
            """,
        })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("rows", rows);
            command.Parameters.AddWithValue("tenant", Tenant);
            await command.ExecuteNonQueryAsync();
        }

        foreach (var table in new[] { "companies", "lead_scores" })
        {
            // Table names are constants; VACUUM runs one statement at a time, outside any transaction.
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    private static async Task<KeysetCursor> CursorAtAsync(NpgsqlDataSource dataSource, int offset)
    {
        // Setup only: the row just before the deep page is the cursor a client would hold after 5,000 pages.
        await using var command = dataSource.CreateCommand(
            "SELECT score, company_id FROM lead_scores WHERE tenant_id = @t ORDER BY score DESC, company_id DESC LIMIT 1 OFFSET @o");
        command.Parameters.AddWithValue("t", Tenant);
        command.Parameters.AddWithValue("o", offset - 1);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new KeysetCursor(reader.GetInt16(0), reader.GetInt64(1));
    }

    // Reads every column of limit + 1 rows, as the store does, so the two variants do the same work per row returned.
    private static async Task<List<long>> OffsetPageAsync(NpgsqlDataSource dataSource, int offset)
    {
        await using var command = dataSource.CreateCommand(OffsetSql);
        command.Parameters.AddWithValue("tenant_id", Tenant);
        command.Parameters.AddWithValue("limit", PageSize + 1);
        command.Parameters.AddWithValue("offset", offset);
        var ids = new List<long>(PageSize + 1);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            ids.Add((long)values[0]);
        }

        return ids.Take(PageSize).ToList();
    }

    private static async Task<string> PlanSummaryAsync(NpgsqlDataSource dataSource, string sql, KeysetCursor? cursor, int? offset)
    {
        await using var command = dataSource.CreateCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + sql);
        command.Parameters.AddWithValue("tenant_id", Tenant);
        command.Parameters.AddWithValue("limit", PageSize + 1);
        if (offset is { } o)
        {
            command.Parameters.AddWithValue("offset", o);
        }
        else
        {
            command.Parameters.AddWithValue("after_score", (short)(cursor?.Score ?? 101));
            command.Parameters.AddWithValue("after_id", cursor?.CompanyId ?? 0L);
        }

        using var plan = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        var scan = Nodes(plan.RootElement[0].GetProperty("Plan"))
            .FirstOrDefault(n => n.TryGetProperty("Relation Name", out var r) && r.GetString() == "lead_scores");
        return scan.ValueKind == JsonValueKind.Undefined
            ? "(no scan of lead_scores found)"
            : string.Create(CultureInfo.InvariantCulture,
                $"{scan.GetProperty("Node Type").GetString()} on {(scan.TryGetProperty("Index Name", out var index) ? index.GetString() : "lead_scores")}, {scan.GetProperty("Actual Rows").GetDouble() * scan.GetProperty("Actual Loops").GetDouble():N0} rows read for one page");
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement node)
    {
        yield return node;
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }

    private static async Task<List<double>[]> MeasureInterleavedAsync(int iterations, params Func<Task>[] fetches)
    {
        foreach (var fetch in fetches)
        {
            for (var i = 0; i < 5; i++)
            {
                await fetch();
            }
        }

        var samples = fetches.Select(_ => new List<double>(iterations)).ToArray();
        for (var i = 0; i < iterations; i++)
        {
            for (var f = 0; f < fetches.Length; f++)
            {
                var clock = Stopwatch.StartNew();
                await fetches[f]();
                samples[f].Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return samples;
    }
}
