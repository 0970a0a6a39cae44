using System.Text.Json;
using IcpSearch.Grains.Leads;
using IcpSearch.Grains.Registry;

namespace IcpSearch.Tests.Database;

/// <summary>
/// EXPLAIN (FORMAT JSON) of the exact SQL the stores run, with realistic parameters, on 60,000 ANALYZEd rows.
/// </summary>
public sealed class QueryPlanTests(ExplainFixture fixture) : IClassFixture<ExplainFixture>
{
    [Fact]
    public async Task StagingCount_ShouldUseTheSsicCodeIndexes_WhenCountingAnIndustry()
    {
        // Arrange
        var codes = await CodesAsync("SELECT code FROM ssic_ref WHERE level = 5 AND section = 'F'");

        // Act
        var plan = await ExplainAsync(NpgsqlStagingRegistry.CountByCodesSql, ("codes", codes));

        // Assert
        Assert.Contains(plan, n => n.Index == "idx_staging_primary_ssic" && n.IsIndexScan);
        Assert.Contains(plan, n => n.Index == "idx_staging_secondary_ssic" && n.IsIndexScan);
        Assert.DoesNotContain(plan, n => n.Type == "Seq Scan");
    }

    [Fact]
    public async Task StagingHead_ShouldUseAnIndexWithoutSequentialScan_WhenReadingARareCodeInMatchOrder()
    {
        // Arrange
        var codes = new[] { "10611" };

        // Act
        var plan = await ExplainAsync(NpgsqlStagingRegistry.HeadByCodesSql, ("codes", codes), ("limit", 10));

        // Assert
        Assert.Contains(plan, n => n.Index is "idx_staging_primary_ssic" or "idx_staging_secondary_ssic" && n.IsIndexScan);
        Assert.DoesNotContain(plan, n => n.Type == "Seq Scan");
    }

    [Fact]
    public async Task StagingHead_ShouldWalkTheMatchOrderIndex_WhenABroadIndustryIsRead()
    {
        // Arrange
        var codes = await CodesAsync("SELECT code FROM ssic_ref WHERE level = 5 AND section = 'G'");

        // Act
        var plan = await ExplainAsync(NpgsqlStagingRegistry.HeadByManyCodesSql, ("codes", codes), ("limit", 10));

        // Assert
        Assert.True(codes.Length > NpgsqlStagingRegistry.ManyCodes);
        Assert.Contains(plan, n => n.IsIndexScan && n.Index == "idx_staging_match_order");
        Assert.DoesNotContain(plan, n => n.Type == "Seq Scan");
    }

    [Fact]
    public async Task StagingBatch_ShouldUseAnIndexWithoutSequentialScan_WhenAJobReadsARareCode()
    {
        // Arrange
        var codes = new[] { "10611" };

        // Act
        var plan = await ExplainAsync(NpgsqlStagingRegistry.BatchByCodesSql,
            ("codes", codes), ("after_uen", "2010"), ("skip_uens", new[] { "201012345A" }), ("limit", 500));

        // Assert
        Assert.Contains(plan, n => n.Index is "idx_staging_primary_ssic" or "idx_staging_secondary_ssic" && n.IsIndexScan);
        Assert.DoesNotContain(plan, n => n.Type == "Seq Scan");
    }

    [Fact]
    public async Task StagingBatch_ShouldWalkTheUenIndex_WhenAJobReadsABroadIndustryByKeyset()
    {
        // Arrange
        var codes = await CodesAsync("SELECT code FROM ssic_ref WHERE level = 5 AND section = 'G'");

        // Act
        var plan = await ExplainAsync(NpgsqlStagingRegistry.BatchByManyCodesSql,
            ("codes", codes), ("after_uen", "2010"), ("skip_uens", new[] { "201012345A" }), ("limit", 500));

        // Assert
        Assert.Contains(plan, n => n.IsIndexScan && n.Index == "staging_acra_companies_pkey");
        Assert.DoesNotContain(plan, n => n.Type == "Seq Scan");
    }

    [Fact]
    public async Task StagingCountAndHead_ShouldStayOnTheirIndexes_WhenAMessagesFiltersNarrowTheMatch()
    {
        // Arrange: "construction in Jurong with more than 20 officers, incorporated after 2015" (live by default).
        var codes = await CodesAsync("SELECT code FROM ssic_ref WHERE level = 5 AND section = 'F'");
        var filters = new GrainInterfaces.Jobs.MatchFilters(["22"], 21, null, new DateOnly(2016, 1, 1), null, [], LiveOnly: true, InactiveOnly: false);
        var predicate = MatchFilterSql.Predicate(filters);
        (string, object)[] parameters =
        [
            ("codes", codes), ("sectors", new[] { "60", "61", "62", "63", "64" }), ("min_officers", 21), ("incorporated_from", new DateOnly(2016, 1, 1)),
        ];

        // Act
        var count = await ExplainAsync(NpgsqlStagingRegistry.CountSql(predicate), parameters);
        var head = await ExplainAsync(NpgsqlStagingRegistry.RecentHeadSql(codes.Length > NpgsqlStagingRegistry.ManyCodes, predicate), [.. parameters, ("limit", 10)]);

        // Assert
        Assert.Contains(count, n => n.Index == "idx_staging_primary_ssic");
        Assert.Contains(count, n => n.Index == "idx_staging_secondary_ssic");
        Assert.DoesNotContain(count, n => n.Type == "Seq Scan");
        Assert.Contains(head, n => n.Index is not null);
        Assert.DoesNotContain(head, n => n.Type == "Seq Scan");
    }

    [Fact]
    public async Task DescriptionFallback_ShouldUseTheActivityTrigramIndex_WhenLookingUpRegistryDescriptions()
    {
        // Arrange: enough distinct activities for the trigram index to beat a scan of the small table.
        await fixture.ScalarAsync<int>("""
            INSERT INTO staging_activity (code, description)
            SELECT lpad((g % 99999)::text, 5, '0'), 'SYNTHETIC ACTIVITY ' || g FROM generate_series(1, 20000) g ON CONFLICT DO NOTHING;
            ANALYZE staging_activity;
            SELECT 1
            """);

        // Act
        var plan = await ExplainAsync(NpgsqlStagingRegistry.CodesByDescriptionSql, ("pattern", "%rice milling%"));

        // Assert
        Assert.Contains(plan, n => n.Index == "ix_staging_activity_description_trgm" && n.IsIndexScan);
        Assert.DoesNotContain(plan, n => n.Type == "Seq Scan");
    }

    [Fact]
    public async Task Candidates_ShouldUseTheIndustryIndex_WhenTheIndustryIsSmall()
    {
        // Act
        var plan = await ExplainAsync(NpgsqlLeadStore.CandidatesPageSql,
            ("tenant_id", ExplainFixture.Tenant), ("after_score", (short)101), ("after_id", 0L), ("limit", 51), ("industry", "Mining and Quarrying"));

        // Assert
        Assert.Contains(plan, n => n.Index == "idx_companies_industry_norm_lower" && n.IsIndexScan);
        Assert.DoesNotContain(plan, n => n.Type == "Seq Scan");
        Assert.DoesNotContain(plan, n => n.Type == "Limit" && n.HasOffset);
    }

    [Fact]
    public async Task ScoresPage_ShouldWalkTheScoreIndexWithoutOffset_WhenPaging()
    {
        // Act
        var plan = await ExplainAsync(NpgsqlLeadStore.ScoresPageSql,
            ("tenant_id", ExplainFixture.Tenant), ("after_score", (short)57), ("after_id", 30_000L), ("limit", 51));

        // Assert
        Assert.Contains(plan, n => n.Index == "idx_lead_scores_score_id" && n.IsIndexScan);
        Assert.DoesNotContain(plan, n => n.Type == "Seq Scan" || n.Type == "Sort");
        Assert.DoesNotContain(plan, n => n.HasOffset);
    }

    [Fact]
    public async Task CompanyLookupByName_ShouldUseTheLowerNameIndex()
    {
        // Arrange
        var name = await fixture.ScalarAsync<string>("SELECT name FROM companies ORDER BY company_id LIMIT 1 OFFSET 777");

        // Act
        var plan = await ExplainAsync(NpgsqlLeadStore.LookupByNameSql, ("tenant_id", ExplainFixture.Tenant), ("name", name.ToLowerInvariant()));

        // Assert
        Assert.Contains(plan, n => n.Index == "idx_companies_name_lower" && n.IsIndexScan);
        Assert.DoesNotContain(plan, n => n.Type == "Seq Scan");
    }

    [Fact]
    public async Task CompanyLookupByDomain_ShouldUseTheWebsiteDomainIndex()
    {
        // Arrange
        var domain = await fixture.ScalarAsync<string>("SELECT website_domain FROM companies WHERE website_domain IS NOT NULL ORDER BY company_id LIMIT 1");

        // Act
        var plan = await ExplainAsync(NpgsqlLeadStore.LookupByDomainSql, ("tenant_id", ExplainFixture.Tenant), ("domain", domain));

        // Assert
        Assert.Contains(plan, n => n.Index == "idx_companies_website_domain" && n.IsIndexScan);
        Assert.DoesNotContain(plan, n => n.Type == "Seq Scan");
    }

    private async Task<string[]> CodesAsync(string sql)
    {
        var codes = new List<string>();
        await using var command = fixture.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            codes.Add(reader.GetString(0));
        }

        return [.. codes];
    }

    private async Task<List<PlanNode>> ExplainAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = fixture.DataSource.CreateCommand("EXPLAIN (FORMAT JSON) " + sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var json = (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        var nodes = new List<PlanNode>();
        using var document = JsonDocument.Parse(json);
        foreach (var statement in document.RootElement.EnumerateArray())
        {
            Walk(statement.GetProperty("Plan"), nodes);
        }

        return nodes;
    }

    private static void Walk(JsonElement node, List<PlanNode> nodes)
    {
        nodes.Add(new PlanNode(
            node.GetProperty("Node Type").GetString()!,
            node.TryGetProperty("Index Name", out var index) ? index.GetString() : null,
            node.TryGetProperty("Offset", out _)));
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Walk(child, nodes);
            }
        }
    }

    private sealed record PlanNode(string Type, string? Index, bool HasOffset)
    {
        public bool IsIndexScan => Type is "Index Scan" or "Index Only Scan" or "Bitmap Index Scan";
    }
}
