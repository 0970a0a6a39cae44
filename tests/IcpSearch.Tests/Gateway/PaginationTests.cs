using System.Net;
using System.Text.Json;
using IcpSearch.Grains.Leads;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// Keyset pagination of /scores/latest and /candidates: complete walks, the page cap, cursor validation, and the
/// page queries' plans (an index range scan from the cursor, never OFFSET).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class PaginationTests(GatewayFixture fixture)
{
    private const int Rows = 10_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WalkScores_ShouldReturnEveryRowExactlyOnceInOrder_WhenFollowingNextCursor()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        var ids = await LeadSeeder.SeedAsync(fixture.DataSource, tenant, Rows);
        using var client = fixture.Client(tenant);

        // Act
        var (rows, pages) = await WalkAsync(client, "/scores/latest?limit=200");

        // Assert
        Assert.Equal(Rows / 200, pages);
        Assert.Equal(Rows, rows.Count);
        Assert.Equal(ids.Order(), rows.Select(r => r.Id).Order());
        Assert.True(rows.Zip(rows.Skip(1)).All(p => Before(p.First, p.Second)), "rows are not in score DESC, company_id DESC order");
    }

    [Fact]
    public async Task WalkCandidates_ShouldReturnOnlyTheIndustryExactlyOnce_WhenFollowingNextCursorWithSplitCursor()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        var manufacturing = await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 450, "Manufacturing");
        await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 300, "Construction");
        using var client = fixture.Client(tenant);

        // Act: continue with afterScore/afterId instead of after, and match the industry case-insensitively.
        var (rows, pages) = await WalkAsync(client, "/candidates?industry=MANUFACTURING&limit=200", split: true);

        // Assert
        Assert.Equal(3, pages);
        Assert.Equal(manufacturing.Order(), rows.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task WalkScores_ShouldReturnEveryUnchangedRowExactlyOnceAndNoDuplicates_WhenScoresAreWrittenDuringTheWalk()
    {
        // Arrange: the walked tenant's stable rows, a set of its rows that will be rescored upwards, and another tenant.
        // Invariant: a row that exists for the whole walk with an unchanged score appears exactly once; no company
        // appears twice; nothing of another tenant appears. (A row whose score drops after it was read could legitimately
        // be met again further down: keyset pages are separate statements, so the walk never moves rows downwards here.)
        var tenant = GatewayFixture.NewTenant();
        var other = GatewayFixture.NewTenant();
        var stable = await LeadSeeder.SeedAsync(fixture.DataSource, tenant, Rows);
        var rising = await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 500);
        await LeadSeeder.ScoreAsync(fixture.DataSource, tenant, rising, 10);
        var otherIds = await LeadSeeder.SeedAsync(fixture.DataSource, other, 2000);
        using var client = fixture.Client(tenant);
        var writer = new ConcurrentScoreWriter(fixture.DataSource, tenant, rising, other, otherIds);

        // Act
        (List<Row> Rows, int Pages) walk;
        using (var stop = new CancellationTokenSource())
        {
            var writing = writer.RunAsync(stop.Token);
            // Besides the free-running writer, one write batch lands between every two pages, so interleaving is certain.
            walk = await WalkAsync(client, "/scores/latest?limit=200", betweenPages: writer.WriteBatchAsync);
            await stop.CancelAsync();
            await writing;
        }

        // Assert
        var seen = walk.Rows.Select(r => r.Id).ToList();
        Assert.True(writer.Batches >= walk.Pages, $"only {writer.Batches} write batches ran during {walk.Pages} pages");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var counts = seen.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(stable, id => Assert.Equal(1, counts.GetValueOrDefault(id)));
        var mine = stable.Concat(rising).Concat(writer.Inserted).ToHashSet();
        Assert.All(seen, id => Assert.Contains(id, mine));
        Assert.DoesNotContain(seen, otherIds.Except(mine).Contains);
    }

    [Theory]
    [InlineData("limit=201")]
    [InlineData("limit=1000")]
    [InlineData("limit=0")]
    [InlineData("limit=-5")]
    [InlineData("limit=ten")]
    public async Task GetScores_ShouldAnswer400OnLimit_WhenLimitIsOutside1To200(string query)
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var response = await client.GetAsync("/scores/latest?" + query, Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "limit");
    }

    [Fact]
    public async Task GetScores_ShouldReturn200RowsAtMostAnd50ByDefault_WhenTheTenantHasMore()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 450);
        using var client = fixture.Client(tenant);

        // Act
        var capped = await ProblemAssert.IsJsonAsync(await client.GetAsync("/scores/latest?limit=200", Cancel));
        var byDefault = await ProblemAssert.IsJsonAsync(await client.GetAsync("/scores/latest", Cancel));

        // Assert
        Assert.Equal(200, capped.GetProperty("items").GetArrayLength());
        Assert.Equal(50, byDefault.GetProperty("items").GetArrayLength());
        Assert.Matches("^[0-9]+:[0-9]+$", byDefault.GetProperty("nextCursor").GetString());
    }

    [Theory]
    [InlineData("after=abc", "after")]
    [InlineData("after=101:5", "after")]
    [InlineData("after=5:", "after")]
    [InlineData("after=:5", "after")]
    [InlineData("after=5:0", "after")]
    [InlineData("after=5:-1", "after")]
    [InlineData("after=1:2:3", "after")]
    [InlineData("after=-1:5", "after")]
    [InlineData("after=5:7&afterScore=5&afterId=7", "after")]
    [InlineData("afterScore=50", "afterId")]
    [InlineData("afterId=50", "afterScore")]
    [InlineData("afterScore=101&afterId=5", "afterScore")]
    [InlineData("afterScore=5&afterId=x", "afterId")]
    public async Task GetScores_ShouldAnswer400NamingTheField_WhenTheCursorIsMalformed(string query, string field)
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var response = await client.GetAsync("/scores/latest?" + query, Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Fact]
    public async Task GetCandidates_ShouldAnswer400_WhenIndustryIsMissing()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var response = await client.GetAsync("/candidates?limit=10", Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "industry");
    }

    [Fact]
    public async Task PageQueries_ShouldRangeScanIdxLeadScoresScoreIdFromTheCursorWithoutOffset_WhenThePageIsDeep()
    {
        // Arrange: enough rows (and statistics) for the planner to prefer the index, and a cursor 9,000 rows deep.
        var tenant = GatewayFixture.NewTenant();
        await LeadSeeder.SeedAsync(fixture.DataSource, tenant, Rows);
        await LeadSeeder.SeedAsync(fixture.DataSource, GatewayFixture.NewTenant(), Rows);
        await using (var analyze = fixture.DataSource.CreateCommand("ANALYZE lead_scores; ANALYZE companies"))
        {
            await analyze.ExecuteNonQueryAsync(Cancel);
        }

        var (deepScore, deepId) = await DeepCursorAsync(tenant, 9_000);

        // Act
        var first = await ExplainAsync(NpgsqlLeadStore.ScoresPageSql, tenant, 101, 0, null);
        var deep = await ExplainAsync(NpgsqlLeadStore.ScoresPageSql, tenant, deepScore, deepId, null);
        var candidates = await ExplainAsync(NpgsqlLeadStore.CandidatesPageSql, tenant, deepScore, deepId, "manufacturing");

        // Assert
        foreach (var sql in new[] { NpgsqlLeadStore.ScoresPageSql, NpgsqlLeadStore.CandidatesPageSql })
        {
            Assert.DoesNotContain("OFFSET", sql, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var plan in new[] { first, deep, candidates })
        {
            var scan = Nodes(plan).Single(n => n.TryGetProperty("Index Name", out var name) && name.GetString() == "idx_lead_scores_score_id");
            Assert.StartsWith("Index", scan.GetProperty("Node Type").GetString());
            Assert.Contains("tenant_id", scan.GetProperty("Index Cond").GetString());
            Assert.Contains("score", scan.GetProperty("Index Cond").GetString());
            // The scan starts at the cursor: it reads about one page (201 rows), not the 9,000 before it.
            Assert.InRange(scan.GetProperty("Actual Rows").GetDouble() * scan.GetProperty("Actual Loops").GetDouble(), 1, 201);
            Assert.DoesNotContain(Nodes(plan), n => n.GetProperty("Node Type").GetString()!.Contains("Sort", StringComparison.Ordinal));
            Assert.DoesNotContain("Offset", plan.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<(int Score, long Id)> DeepCursorAsync(string tenant, int position)
    {
        await using var command = fixture.DataSource.CreateCommand("""
            SELECT score, company_id FROM lead_scores WHERE tenant_id = @t ORDER BY score DESC, company_id DESC LIMIT 1 OFFSET @p
            """);
        command.Parameters.AddWithValue("t", tenant);
        command.Parameters.AddWithValue("p", position - 1);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        await reader.ReadAsync(Cancel);
        return (reader.GetInt16(0), reader.GetInt64(1));
    }

    // The exact SQL the store runs, with the parameters it binds.
    private async Task<JsonElement> ExplainAsync(string sql, string tenant, int afterScore, long afterId, string? industry)
    {
        await using var command = fixture.DataSource.CreateCommand("EXPLAIN (ANALYZE, FORMAT JSON) " + sql);
        command.Parameters.AddWithValue("tenant_id", tenant);
        command.Parameters.AddWithValue("after_score", (short)afterScore);
        command.Parameters.AddWithValue("after_id", afterId);
        command.Parameters.AddWithValue("limit", 201);
        if (industry is not null)
        {
            command.Parameters.AddWithValue("industry", industry);
        }

        var json = (string)(await command.ExecuteScalarAsync(Cancel))!;
        return JsonDocument.Parse(json).RootElement[0].GetProperty("Plan").Clone();
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

    private static async Task<(List<Row> Rows, int Pages)> WalkAsync(HttpClient client, string firstUrl, bool split = false, Func<Task>? betweenPages = null)
    {
        var rows = new List<Row>();
        var url = firstUrl;
        var pages = 0;
        while (true)
        {
            using var response = await client.GetAsync(url, Cancel);
            var page = await ProblemAssert.IsJsonAsync(response);
            pages++;
            Assert.True(pages <= 1000, "the walk does not end");
            var items = page.GetProperty("items").EnumerateArray()
                .Select(i => new Row(i.GetProperty("score").GetInt32(), i.GetProperty("company_id").GetInt64())).ToList();
            Assert.InRange(items.Count, 0, 200);
            // A page starts strictly after the previous page's last row.
            if (rows.Count > 0 && items.Count > 0)
            {
                Assert.True(Before(rows[^1], items[0]), $"page {pages} does not continue after the cursor");
            }

            rows.AddRange(items);
            var next = page.GetProperty("nextCursor").GetString();
            if (next is null)
            {
                return (rows, pages);
            }

            Assert.Equal($"{items[^1].Score}:{items[^1].Id}", next);
            if (betweenPages is not null)
            {
                await betweenPages();
            }

            var parts = next.Split(':');
            var baseUrl = firstUrl;
            url = split ? $"{baseUrl}&afterScore={parts[0]}&afterId={parts[1]}" : $"{baseUrl}&after={Uri.EscapeDataString(next)}";
        }
    }

    private static bool Before(Row a, Row b) => a.Score > b.Score || (a.Score == b.Score && a.Id > b.Id);

    private sealed record Row(int Score, long Id);
}
