using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;

namespace IcpSearch.Tests.Pipeline;

public sealed class IcpScoreModelTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    // Profiles that take every branch of every factor: no bands, one-sided and two-sided bands, targets at each
    // level, statuses, entity types, districts, and uneven weights.
    public static TheoryData<string> Profiles => [.. ProfileCases.Keys];

    private static readonly Dictionary<string, IcpProfile> ProfileCases = new()
    {
        ["default"] = IcpProfile.Default,
        ["targets at every level"] = IcpProfile.Default with { TargetSsicCodes = ["C", "46", "471", "4791", "62011"] },
        ["two-sided bands"] = IcpProfile.Default with { MinAgeYears = 10, MaxAgeYears = 25, MinOfficers = 5, MaxOfficers = 20 },
        ["lower bounds"] = IcpProfile.Default with { MinAgeYears = 10, MinOfficers = 20, EntityTypes = ["Local Company"] },
        ["upper bounds"] = IcpProfile.Default with { MaxAgeYears = 3, MaxOfficers = 2 },
        ["statuses and types"] = IcpProfile.Default with { Statuses = ["live company", "Struck Off"], EntityTypes = ["Sole Proprietorship/ Partnership", "LOCAL COMPANY"] },
        ["districts"] = IcpProfile.Default with { Districts = ["01", "22", "09"] },
        ["uneven weights"] = IcpProfile.Default with { Districts = ["14"], Weights = new IcpWeights(1, 0, 7, 3, 50, 2), MinOfficers = 3 },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task StagingPointsSql_ShouldEqualTheCSharpPoints_OnEveryRowOfTheRegistry(string profileName)
    {
        // Arrange: the demo registry plus rows with the values the demo never writes.
        await EnsureOddRowsAsync();
        var model = new IcpScoreModel(ProfileCases[profileName], ["10710", "46900", "62011", "41001"], Today);

        // Act
        var rows = await ReadScoredAsync(model);

        // Assert
        Assert.True(rows.Count > 5_000);
        var disagreements = rows
            .Select(r => (r.Row.Uen, Sql: r.SqlPoints, CSharp: model.Score(ScoreFacts.From(r.Row)).Points))
            .Where(r => r.Sql != r.CSharp)
            .ToList();
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} rows disagree, e.g. {string.Join(", ", disagreements.Take(5))}");
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task PrefilterSql_ShouldHoldForEveryRowThatReachesTheBar_AndPruneTheRest(string profileName)
    {
        // Arrange: searched for every code the registry has, as a broad search is.
        await EnsureOddRowsAsync();
        var everyCode = await fixture.ScalarAsync<string[]>("SELECT array_agg(DISTINCT primary_ssic_code) FROM staging_acra_companies WHERE primary_ssic_code IS NOT NULL");
        var model = new IcpScoreModel(ProfileCases[profileName], everyCode, Today);
        var points = (await ReadScoredAsync(model)).Select(r => r.SqlPoints).OrderDescending().ToList();

        foreach (var rank in new[] { 10, 100, 1_000 })
        {
            var bar = points[rank - 1];

            // Act
            await using var command = fixture.DataSource.CreateCommand();
            var prefilter = model.PrefilterSql(bar, command.Parameters);
            command.CommandText = $"""
                SELECT count(*) FILTER (WHERE points >= @bar AND NOT passes), count(*) FILTER (WHERE passes), count(*)
                FROM (SELECT {model.StagingPointsSql()} AS points, coalesce({prefilter}, false) AS passes FROM staging_acra_companies) scored
                """;
            model.AddParameters(command.Parameters);
            command.Parameters.AddWithValue("bar", bar);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            await reader.ReadAsync(TestContext.Current.CancellationToken);
            var (missed, passing, all) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));

            // Assert: no row good enough is filtered out; under the default profile the top-10 bar leaves few to score.
            Assert.True(missed == 0, $"{profileName}, bar of rank {rank}: {missed} rows reach it but fail the prefilter {prefilter}");
            Assert.True(passing >= rank, $"{profileName}, bar of rank {rank}: only {passing} rows pass");
            if (rank == 10 && profileName == "default")
            {
                Assert.True(passing < all / 10, $"the default profile's top-10 bar left {passing} of {all} rows: {prefilter}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task ReadBestAsync_ShouldReturnTheBruteForceTopTen_ForNarrowBroadAndFilteredSpecs(string profileName)
    {
        // Arrange: a few codes, a whole section (the hashed many-codes plan), and a filtered spec.
        var registry = new NpgsqlStagingRegistry(fixture.DataSource);
        var section = (await fixture.ScalarAsync<string[]>("SELECT array_agg(DISTINCT primary_ssic_code) FROM staging_acra_companies WHERE primary_ssic_code LIKE '4%'"));
        MatchSpec[] specs =
        [
            new(["10710", "46900", "62011", "41001", "56111"]),
            new(section),
            new(section, new MatchFilters([], 3, null, null, null, [], LiveOnly: true, InactiveOnly: false)),
        ];

        foreach (var spec in specs)
        {
            var model = new IcpScoreModel(ProfileCases[profileName], spec.Codes, Today);

            // Act
            var best = await registry.ReadBestAsync(spec, model, 10, TestContext.Current.CancellationToken);

            // Assert: every match scored here, ranked by points then UEN.
            var all = await registry.ReadHeadAsync(spec, 1_000_000, TestContext.Current.CancellationToken);
            var expected = all
                .Select(r => (r.Uen, model.Score(ScoreFacts.From(r)).Points))
                .OrderByDescending(r => r.Points).ThenBy(r => r.Uen, StringComparer.Ordinal)
                .Take(10).Select(r => r.Uen).ToList();
            Assert.True(all.Count > 10, $"spec with {spec.Codes.Count} codes matched only {all.Count}");
            Assert.Equal(expected, best.Select(r => r.Uen));
        }
    }

    [Fact]
    public async Task ReadBestAsync_ShouldRankAgain_WhenAnImportChangesTheRegistry()
    {
        // Arrange: the ranking of a spec is kept per registry generation.
        var registry = new NpgsqlStagingRegistry(fixture.DataSource);
        var spec = new MatchSpec(await fixture.ScalarAsync<string[]>("SELECT array_agg(DISTINCT primary_ssic_code) FROM staging_acra_companies WHERE primary_ssic_code LIKE '85%'"));
        var model = new IcpScoreModel(IcpProfile.Default, spec.Codes, Today);
        var before = await registry.ReadBestAsync(spec, model, 10, TestContext.Current.CancellationToken);
        var again = await registry.ReadBestAsync(spec, model, 10, TestContext.Current.CancellationToken);

        // Act: an import adds a company better than any, and a profile that wants district 22 ranks differently.
        await StagingSeeder.InsertAsync(fixture.DataSource, [StagingSeeder.Row("BEST00001A", "Best Tuition Pte. Ltd.", spec.Codes[0], year: 1950, officers: 500)]);
        var after = await registry.ReadBestAsync(spec, model, 10, TestContext.Current.CancellationToken);
        var jurong = new IcpScoreModel(IcpProfile.Default with { Districts = ["22"] }, spec.Codes, Today);
        var byDistrict = await registry.ReadBestAsync(spec, jurong, 10, TestContext.Current.CancellationToken);

        // Assert
        Assert.Same(before, again);
        Assert.Equal("BEST00001A", after[0].Uen);
        Assert.Equal(before.Take(9).Select(r => r.Uen), after.Skip(1).Select(r => r.Uen));
        Assert.Equal(10, before.Count);
        Assert.NotEqual(model.Key, jurong.Key);
        Assert.NotSame(after, byDistrict);
    }

    [Fact]
    public void Score_ShouldGradeClosenessToTheBands_AndExplainEachFactor()
    {
        // Arrange: wants 10-20 years and 20-50 officers in district 22.
        var profile = IcpProfile.Default with { MinAgeYears = 10, MaxAgeYears = 20, MinOfficers = 20, MaxOfficers = 50, Districts = ["22"] };
        var model = new IcpScoreModel(profile, ["46900"], Today);
        ScoreFacts Facts(int year, int officers, string postal = "608123") => new("46900", null, "Live Company", true, year, officers, "Local Company", postal);

        // Act
        var fits = model.Score(Facts(2010, 30));
        var twoYearsYoung = model.Score(Facts(2018, 30));
        var halfTheSize = model.Score(Facts(2010, 10));
        var elsewhere = model.Score(Facts(2010, 30, "018989"));

        // Assert
        Assert.Equal(100, fits.Score);
        Assert.Equal("industry 46900 in search target (+35/35); Live Company (+15/15); 16 years old, within ICP age (+15/15); 30 officers, within ICP size (+15/15); D22 Jurong, an ICP district (+10/10); Local Company (+10/10)", fits.Rationale);
        Assert.Equal(94, twoYearsYoung.Score);
        Assert.Contains("8 years old, 2 years outside ICP age (+9/15)", twoYearsYoung.Rationale);
        Assert.Equal(93, halfTheSize.Score);
        Assert.Contains("10 officers, outside ICP size (+7.5/15)", halfTheSize.Rationale);
        Assert.Equal(90, elsewhere.Score);
        Assert.Contains("outside ICP districts (+0/10)", elsewhere.Rationale);
    }

    [Fact]
    public void Score_ShouldPreferThePrimaryActivity_ThenTheSecondary_ThenTheDivision_ThenTheSection()
    {
        // Arrange
        var model = new IcpScoreModel(IcpProfile.Default with { TargetSsicCodes = ["46900"] }, [], Today);
        ScoreFacts Facts(string code, string? secondary = null) => new(code, secondary, "Live Company", true, 2000, 10, "Local Company", null);

        // Act
        int[] scores = [.. new[] { Facts("46900"), Facts("10710", "46900"), Facts("46100"), Facts("47111"), Facts("10710") }.Select(f => model.Score(f).Score)];

        // Assert: strictly decreasing, and the secondary path is named.
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(scores.Length, scores.Distinct().Count());
        Assert.Contains("secondary activity 46900 in ICP target", model.Score(Facts("10710", "46900")).Rationale);
    }

    [Fact]
    public void Score_ShouldKeepTheSearchedIndustryGrade_WhenReScoredWithoutSearchCodes()
    {
        // Arrange: found through its secondary activity; later re-scored under a profile without industries.
        var facts = new ScoreFacts("10710", "46900", "Live Company", true, 2000, 10, "Local Company", null);
        var first = new IcpScoreModel(IcpProfile.Default, ["46900"], Today).Score(facts);

        // Act
        var rescored = new IcpScoreModel(IcpProfile.Default, [], Today).Score(facts, first.SearchedIndustryGrade);

        // Assert
        Assert.Equal(700, first.SearchedIndustryGrade);
        Assert.Equal(first, rescored);
    }

    private async Task<List<(RegistryRow Row, long SqlPoints)>> ReadScoredAsync(IcpScoreModel model)
    {
        await using var command = fixture.DataSource.CreateCommand($"""
            SELECT uen, entity_name, entity_type_description, entity_status_description, registration_incorporation_date,
                   postal_code, primary_ssic_code, secondary_ssic_code, no_of_officers, live_rank, {model.StagingPointsSql()}
            FROM staging_acra_companies
            """);
        model.AddParameters(command.Parameters);
        var rows = new List<(RegistryRow, long)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add((new RegistryRow(
                reader.GetString(0), reader.GetString(1), Text(2), Text(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4), Text(5), Text(6), null, Text(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8), reader.GetInt16(9)), reader.GetInt64(10)));
        }

        return rows;
    }

    private async Task EnsureOddRowsAsync()
    {
        // Nulls, short and odd codes, postal codes with a lost zero, spaces or letters, zero and huge officer counts.
        await fixture.ScalarAsync<int>("""
            INSERT INTO staging_acra_companies (uen, entity_name, entity_type_description, entity_status_description,
                registration_incorporation_date, postal_code, primary_ssic_code, secondary_ssic_code, no_of_officers)
            VALUES ('ODD000001A', 'Odd One', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                   ('ODD000002A', 'Odd Two', 'local company', 'LIVE COMPANY', '2026-06-01', '18989', '62', '4690', 0),
                   ('ODD000003A', 'Odd Three', 'Foreign Company', 'Struck Off', '1890-01-01', ' 608123 ', NULL, '46900', 250000),
                   ('ODD000004A', 'Odd Four', 'Others', 'Live', '2030-01-01', 'S608123', '471', NULL, 1),
                   ('ODD000005A', 'Odd Five', 'Local Company', 'Live Company', '2014-05-05', '0189890', '99999', '10710', 12),
                   ('ODD000006A', 'Odd Six', 'Local Company', 'Live Company', '2001-01-01', '1234', '479101', '62011', 20)
            ON CONFLICT DO NOTHING;
            SELECT 1
            """);
    }
}
