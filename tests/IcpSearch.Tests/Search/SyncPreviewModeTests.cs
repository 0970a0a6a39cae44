using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Search;

[Collection(PreviewModeCollection.Name)]
public sealed class SyncPreviewModeTests(PreviewModeFixture fixture)
{
    [Fact]
    public async Task SearchAsync_ShouldWriteNothingShowSamplesAndQueueEveryMatch_WhenModeIsSyncPreview()
    {
        // Act
        var result = await fixture.Grains.GetTenantSearchGrain("preview").SearchAsync(new SearchRequest("wholesale"));

        // Assert
        Assert.Equal("sync_preview", result.Mode);
        Assert.Empty(result.Companies);
        Assert.Equal(20, result.PreviewNames.Count);
        Assert.Equal(result.TotalMatches, result.Scheduled);
        Assert.NotNull(result.JobId);
        Assert.Contains($". Preview of 20 of {result.TotalMatches:N0} matches; nothing written now.", result.Notice);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM companies"));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores"));
        Assert.Equal(result.TotalMatches, await fixture.ScalarAsync<long>("SELECT total FROM background_jobs WHERE job_id = @id", ("id", result.JobId!.Value)));
    }
}
