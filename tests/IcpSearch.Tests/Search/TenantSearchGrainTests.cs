using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Search;

[Collection(SearchClusterCollection.Name)]
public sealed class TenantSearchGrainTests(SearchClusterFixture fixture)
{
    [Fact]
    public async Task SearchAsync_ShouldUpsertScoreTenAndScheduleTheRest_WhenManufacturingMatchesThousands()
    {
        // Arrange
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var grain = fixture.Grains.GetGrain<ITenantSearchGrain>(tenant);

        // Act
        var result = await grain.SearchAsync(new SearchRequest("Manufacturing"));

        // Assert
        Assert.Equal(["manufacturing"], result.Terms);
        Assert.True(result.TotalMatches > 1000, $"expected thousands of manufacturing matches, got {result.TotalMatches}");
        Assert.Equal(10, result.Companies.Count);
        Assert.Equal(result.TotalMatches - 10, result.Scheduled);
        Assert.NotNull(result.JobId);
        Assert.Contains("Upserted and enriched 10 now", result.Notice);
        var uens = result.Companies.Select(c => c.Uen!).ToArray();
        var matching = await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM staging_acra_companies WHERE uen = ANY(@uens) AND (primary_ssic_code = ANY(@codes) OR secondary_ssic_code = ANY(@codes))",
            ("uens", uens), ("codes", result.Codes.ToArray()));
        Assert.Equal(10, matching);
        Assert.All(result.Codes, c => Assert.True(c[..2].CompareTo("10") >= 0 && c[..2].CompareTo("33") <= 0, $"{c} is not in section C"));
        Assert.Equal(10L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", tenant)));
        Assert.Equal("queued", await fixture.ScalarAsync<string>("SELECT status FROM background_jobs WHERE job_id = @id", ("id", result.JobId!.Value)));
    }
}
