using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Search;

[Collection(OffModeCollection.Name)]
public sealed class OffModeTests(OffModeFixture fixture)
{
    [Fact]
    public async Task SearchAsync_ShouldOnlyExtractTerms_WhenModeIsOff()
    {
        // Act
        var result = await fixture.Grains.GetTenantSearchGrain("off").SearchAsync(new SearchRequest("Manufacturing and logistics"));

        // Assert
        Assert.Equal(["manufacturing", "logistics"], result.Terms);
        Assert.Equal("off", result.Mode);
        Assert.Empty(result.Codes);
        Assert.Null(result.JobId);
        Assert.Contains("STAGING_UPSERT_MODE=off", result.Notice);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM companies"));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs"));
    }
}
