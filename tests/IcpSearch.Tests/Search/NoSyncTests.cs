using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Search;

[Collection(NoSyncCollection.Name)]
public sealed class NoSyncTests(NoSyncFixture fixture)
{
    [Fact]
    public async Task SearchAsync_ShouldScheduleEveryMatchAndWriteNothingNow_WhenSyncLimitIsZero()
    {
        // Act
        var result = await fixture.Grains.GetTenantSearchGrain("nosync").SearchAsync(new SearchRequest("construction"));

        // Assert
        Assert.Empty(result.Companies);
        Assert.True(result.TotalMatches > 0);
        Assert.Equal(result.TotalMatches, result.Scheduled);
        Assert.NotNull(result.JobId);
        Assert.Contains($". Scheduled {result.TotalMatches:N0} matches for nightly processing (job {result.JobId}).", result.Notice);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores"));
    }
}
