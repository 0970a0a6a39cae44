using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Registry;

namespace IcpSearch.Tests.Registry;

public sealed class NpgsqlStagingRegistryTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task CountMatchesAsync_ShouldStayExactAcrossImports_WhenServedFromTheGenerationCache()
    {
        // Arrange
        var registry = new NpgsqlStagingRegistry(fixture.DataSource);
        var match = new MatchSpec(["41001", "41002", "42101", "43210"]);
        const string sql = "SELECT count(*) FROM staging_acra_companies WHERE primary_ssic_code = ANY(@c) OR secondary_ssic_code = ANY(@c)";

        // Act
        var first = await registry.CountMatchesAsync(match, TestContext.Current.CancellationToken);
        var cachedRows = await fixture.ScalarAsync<long>("SELECT count(*) FROM staging_match_counts WHERE spec_key = @k", ("k", MatchSpecKey.Compute(match)));
        var generationBefore = await fixture.ScalarAsync<long>("SELECT generation FROM registry_generation");
        await StagingSeeder.InsertAsync(fixture.DataSource,
        [
            StagingSeeder.Row("CNT000001A", "Count Builders Pte. Ltd.", "41001"),
            StagingSeeder.Row("CNT000002B", "Count Electric Pte. Ltd.", "47111", secondary: "43210"),
        ]);
        var generationAfter = await fixture.ScalarAsync<long>("SELECT generation FROM registry_generation");
        var second = await registry.CountMatchesAsync(new MatchSpec(["43210", "42101", "41002", "41001"]), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(await fixture.ScalarAsync<long>(sql, ("c", match.Codes.ToArray())), second);
        Assert.Equal(first + 2, second);
        Assert.Equal(1, cachedRows);
        Assert.True(generationAfter > generationBefore);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM staging_match_counts WHERE spec_key = @k", ("k", MatchSpecKey.Compute(match))));
    }

    [Fact]
    public async Task CountMatchesAsync_ShouldKeepItsCachedGeneration_WhenAStatementChangesNoRow()
    {
        // Arrange
        var before = await fixture.ScalarAsync<long>("SELECT generation FROM registry_generation");

        // Act: what a re-import of an unchanged file does (an update and a delete that match nothing), then a real change.
        await fixture.ScalarAsync<int>("""
            UPDATE staging_acra_companies SET entity_name = entity_name WHERE uen = 'NO-SUCH-UEN';
            DELETE FROM staging_acra_companies WHERE uen = 'NO-SUCH-UEN';
            SELECT 1
            """);
        var afterNoOp = await fixture.ScalarAsync<long>("SELECT generation FROM registry_generation");
        await StagingSeeder.InsertAsync(fixture.DataSource, [StagingSeeder.Row("GEN000001A", "Generation Probe Pte. Ltd.", "41001")]);
        var afterInsert = await fixture.ScalarAsync<long>("SELECT generation FROM registry_generation");

        // Assert
        Assert.Equal(before, afterNoOp);
        Assert.True(afterInsert > afterNoOp);
    }

    [Fact]
    public async Task ReadHeadAsync_ShouldReturnLiveRowsFirstThenByUen()
    {
        // Arrange
        var registry = new NpgsqlStagingRegistry(fixture.DataSource);
        var match = new MatchSpec(["55101", "55102", "56111"]);

        // Act
        var all = await registry.ReadHeadAsync(match, 10_000, TestContext.Current.CancellationToken);
        var head = await registry.ReadHeadAsync(match, 7, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(all.Count > 7);
        Assert.Contains(all, r => r.LiveRank == 1);
        Assert.Equal(all.OrderBy(r => r.LiveRank).ThenBy(r => r.Uen, StringComparer.Ordinal).Select(r => r.Uen), all.Select(r => r.Uen));
        Assert.Equal(all.Take(7).Select(r => r.Uen), head.Select(r => r.Uen));
        Assert.Equal(all.Count, await registry.CountMatchesAsync(match, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadHeadAsync_ShouldPutTheNewestFirst_WhenTheSpecBoundsIncorporationFromBelow()
    {
        // Arrange: in UEN order the oldest come first; a spec asking for companies incorporated since 2010 wants the newest.
        var registry = new NpgsqlStagingRegistry(fixture.DataSource);
        const string code = "99092";
        var prefix = "RC" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await StagingSeeder.InsertAsync(fixture.DataSource, [.. Enumerable.Range(0, 12).Select(i => StagingSeeder.Row($"{prefix}{i:00}", $"Recent Co {i}", code, year: 2005 + i))]);
        var match = new MatchSpec([code], MatchFilters.None with { IncorporatedFrom = new DateOnly(2010, 1, 1), LiveOnly = true });

        // Act
        var head = await registry.ReadHeadAsync(match, 3, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([$"{prefix}11", $"{prefix}10", $"{prefix}09"], head.Select(r => r.Uen));
        Assert.Equal(7, await registry.CountMatchesAsync(match, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ReadBatchAsync_ShouldWalkEveryMatchInUenOrderLessTheSkippedOnes_WhenResumedAfterEachBatch()
    {
        // Arrange: the head a search handled is skipped, the rest read in batches of 4.
        var registry = new NpgsqlStagingRegistry(fixture.DataSource);
        var match = new MatchSpec(["55101", "55102", "56111"]);
        var head = (await registry.ReadHeadAsync(match, 3, TestContext.Current.CancellationToken)).Select(r => r.Uen!).ToList();
        var expected = (await registry.ReadHeadAsync(match, 10_000, TestContext.Current.CancellationToken))
            .Select(r => r.Uen!).Except(head).Order(StringComparer.Ordinal).ToList();

        // Act
        var read = new List<string>();
        string? after = null;
        while (true)
        {
            var batch = await registry.ReadBatchAsync(match, after, head, 4, TestContext.Current.CancellationToken);
            read.AddRange(batch.Select(r => r.Uen!));
            if (batch.Count < 4)
            {
                break;
            }

            after = batch[^1].Uen;
        }

        // Assert
        Assert.True(expected.Count > 8);
        Assert.Equal(expected, read);
    }

    [Fact]
    public async Task Filters_ShouldNarrowTheCountTheHeadAndEveryBatchToTheSameRows()
    {
        // Arrange: 16 rows of one code, one for each combination of failing status, officers, year and district (only
        // row 00 passes them all), and two more that pass them all: row 16 an LLP, row 17 a local company.
        var registry = new NpgsqlStagingRegistry(fixture.DataSource);
        const string code = "99091";
        var prefix = "FL" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var rows = Enumerable.Range(0, 18).Select(i =>
        {
            var bits = i < 16 ? i : 0;
            return StagingSeeder.Row($"{prefix}{i:00}", $"Filter Co {i}", code,
                    status: (bits & 1) == 0 ? "Live Company" : "Struck Off", officers: (bits & 2) == 0 ? 25 : 3, year: (bits & 4) == 0 ? 2018 : 2005)
                with { PostalCode = (bits & 8) == 0 ? "608123" : "238801", EntityTypeDescription = i == 16 ? "Limited Liability Partnerships" : "Local Company" };
        }).ToList();
        await StagingSeeder.InsertAsync(fixture.DataSource, rows);
        var filters = new MatchFilters(["22"], MinOfficers: 21, MaxOfficers: null, IncorporatedFrom: new DateOnly(2016, 1, 1), IncorporatedTo: null,
            EntityTypes: ["private_limited"], LiveOnly: true, InactiveOnly: false);
        var match = new MatchSpec([code], filters);
        var loose = match with { Filters = filters with { EntityTypes = [] } };
        var expectedStrict = new[] { $"{prefix}00", $"{prefix}17" };
        var expectedLoose = new[] { $"{prefix}00", $"{prefix}16", $"{prefix}17" };

        // Act
        var strictCount = await registry.CountMatchesAsync(match, TestContext.Current.CancellationToken);
        var looseCount = await registry.CountMatchesAsync(loose, TestContext.Current.CancellationToken);
        var head = await registry.ReadHeadAsync(loose, 10, TestContext.Current.CancellationToken);
        var batches = await registry.ReadBatchAsync(loose, null, [$"{prefix}00"], 500, TestContext.Current.CancellationToken);
        var all = await registry.CountMatchesAsync(new MatchSpec([code]), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(18, all);
        Assert.Equal(expectedStrict.Length, strictCount);
        // A head bounded by an incorporation date from below is newest first (equal dates here: UEN descending).
        Assert.Equal(Enumerable.Reverse(expectedStrict), (await registry.ReadHeadAsync(match, 10, TestContext.Current.CancellationToken)).Select(r => r.Uen));
        Assert.Equal(expectedLoose.Length, looseCount);
        Assert.Equal(Enumerable.Reverse(expectedLoose), head.Select(r => r.Uen));
        Assert.Equal([$"{prefix}16", $"{prefix}17"], batches.Select(r => r.Uen));
        Assert.NotEqual(MatchSpecKey.Compute(match), MatchSpecKey.Compute(loose));
        Assert.Equal(MatchSpecKey.Compute(new MatchSpec([code])), MatchSpecKey.Compute(new MatchSpec([code], MatchFilters.None)));
    }

    [Fact]
    public async Task CountByHeadingAsync_ShouldCountEachNarrowerHeading_AndCountAgainAfterAnImport()
    {
        // Arrange: codes no other test uses, so the counts are this test's own.
        var registry = new NpgsqlStagingRegistry(fixture.DataSource);
        var prefix = "HC" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var match = new MatchSpec(["98871", "98872", "98881"]);
        await StagingSeeder.InsertAsync(fixture.DataSource,
            [.. new[] { "98871", "98871", "98872", "98881" }.Select((c, i) => StagingSeeder.Row($"{prefix}{i:00}", $"Heading Co {i}", c))]);

        // Act
        var before = await registry.CountByHeadingAsync(match, 4, 8, TestContext.Current.CancellationToken);
        var repeated = await registry.CountByHeadingAsync(match, 4, 8, TestContext.Current.CancellationToken);
        await StagingSeeder.InsertAsync(fixture.DataSource,
            [.. Enumerable.Range(10, 3).Select(i => StagingSeeder.Row($"{prefix}{i:00}", $"Heading Co {i}", "98881"))]);
        var after = await registry.CountByHeadingAsync(match, 4, 8, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal([("9887", 3L), ("9888", 1L)], before.Select(h => (h.Code, h.Count)));
        Assert.Equal(before, repeated);
        Assert.Equal([("9888", 4L), ("9887", 3L)], after.Select(h => (h.Code, h.Count)));
    }
}
