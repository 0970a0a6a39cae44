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
            StagingSeeder.Row("CNT000002B", "Count Electric Pte. Ltd.", "47110", secondary: "43210"),
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
    public async Task ReadMatchesAsync_ShouldReturnLiveRowsFirstThenByUenAndResumeAfterTheCursor()
    {
        // Arrange
        var registry = new NpgsqlStagingRegistry(fixture.DataSource);
        var match = new MatchSpec(["55101", "55102", "56111"]);

        // Act
        var all = await registry.ReadMatchesAsync(match, null, 10_000, TestContext.Current.CancellationToken);
        var firstPage = await registry.ReadMatchesAsync(match, null, 7, TestContext.Current.CancellationToken);
        var rest = await registry.ReadMatchesAsync(match, firstPage[^1].Cursor, 10_000, TestContext.Current.CancellationToken);

        // Assert
        Assert.True(all.Count > 7);
        Assert.Equal(all.OrderBy(r => r.LiveRank).ThenBy(r => r.Uen, StringComparer.Ordinal).Select(r => r.Uen), all.Select(r => r.Uen));
        Assert.Equal(all.Select(r => r.Uen), firstPage.Concat(rest).Select(r => r.Uen));
        Assert.Equal(all.Count, await registry.CountMatchesAsync(match, TestContext.Current.CancellationToken));
    }
}
