using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;
using IcpSearch.Grains.Search.Understanding;

namespace IcpSearch.Tests.Search;

[Collection(SearchClusterCollection.Name)]
public sealed class BestFitsTests(SearchClusterFixture fixture)
{
    private static string NewTenant() => "best-" + Guid.NewGuid().ToString("N")[..10];

    public static TheoryData<string, int?, int?, string?> Cases => new()
    {
        // The example: 20+ officers, local companies, 10+ years old.
        { "wholesale trade", 20, 10, "Local Company" },
        { "manufacturing in jurong", null, null, null },
        { "construction companies incorporated after 2015", 5, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task SearchAsync_ShouldUpsertTheTenBestScoringMatches_CheckedAgainstABruteForceRanking(string message, int? minOfficers, int? minAge, string? entityType)
    {
        // Arrange
        var tenant = NewTenant();
        var grain = fixture.Grains.GetTenantSearchGrain(tenant);
        var profile = await grain.SetIcpProfileAsync(IcpProfile.Default with
        {
            MinOfficers = minOfficers, MinAgeYears = minAge, EntityTypes = entityType is null ? [] : [entityType],
        });

        // Act
        var result = await grain.SearchAsync(new SearchRequest(message));

        // Assert: every match of what was understood, scored here and ranked by points, then UEN.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var spec = new MatchSpec(result.Codes, MatchFiltersMapping.ToMatchFilters(result.Understood.Filters, today));
        var model = new IcpScoreModel(profile, spec.Codes, today);
        var every = await new NpgsqlStagingRegistry(fixture.DataSource).ReadHeadAsync(spec, 1_000_000, TestContext.Current.CancellationToken);
        var ranked = every.Select(r => (r.Uen, Score: model.Score(ScoreFacts.From(r))))
            .OrderByDescending(r => r.Score.Points).ThenBy(r => r.Uen, StringComparer.Ordinal).Take(10).ToList();
        Assert.True(every.Count > 10, $"'{message}' matched only {every.Count}");
        Assert.Equal(ranked.Select(r => r.Uen), result.Companies.Select(c => c.Uen));
        Assert.Equal(ranked.Select(r => r.Score.Score), result.Companies.Select(c => c.Score));
        Assert.Equal(ranked.Select(r => r.Score.Rationale), result.Companies.Select(c => c.Rationale));
        Assert.Equal(every.Count - 10, result.Scheduled);
        if (minOfficers is not null)
        {
            Assert.All(result.Companies, c => Assert.Contains("within ICP size", c.Rationale));
        }
    }

    [Fact]
    public async Task SearchAsync_ShouldGiveABroadSearchScoresThatDiscriminate_WhenTheTenantKeepsTheDefaultIcp()
    {
        // Act
        var result = await fixture.Grains.GetTenantSearchGrain(NewTenant()).SearchAsync(new SearchRequest("wholesale trade"));

        // Assert: the 10 in score order, and the matches the job will score far from a wall of equal scores.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var spec = new MatchSpec(result.Codes, MatchFiltersMapping.ToMatchFilters(result.Understood.Filters, today));
        var model = new IcpScoreModel(IcpProfile.Default, spec.Codes, today);
        var scores = (await new NpgsqlStagingRegistry(fixture.DataSource).ReadHeadAsync(spec, 1_000_000, TestContext.Current.CancellationToken))
            .Select(r => model.Score(ScoreFacts.From(r)).Score).ToList();
        Assert.Equal(10, result.Companies.Count);
        Assert.Equal(result.Companies.Select(c => c.Score).OrderDescending(), result.Companies.Select(c => c.Score));
        Assert.Equal(scores.Max(), result.Companies[0].Score);
        Assert.True(scores.Distinct().Count() >= 20, $"{scores.Distinct().Count()} distinct scores over {scores.Count} matches");
        var commonest = scores.CountBy(s => s).Max(g => g.Value);
        Assert.True(commonest < scores.Count / 10, $"the commonest score covers {commonest} of {scores.Count} matches");
    }
}
