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

    [Fact]
    public async Task SearchAsync_ShouldStillShowSamplesButScheduleNothing_WhenTheTenantIsAtItsOpenJobsCap()
    {
        // Arrange: the default cap of open jobs (JOBS_MAX_OPEN_PER_TENANT = 200) already reached.
        var tenant = "preview-cap-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.ScalarAsync<int>("""
            INSERT INTO background_jobs (tenant_id, job_type, status, params, params_key, total)
            SELECT @t, 'staging_upsert', 'queued', '{}', 'open-' || g, 1 FROM generate_series(1, 200) g;
            SELECT 1
            """, ("t", tenant));

        // Act
        var result = await fixture.Grains.GetTenantSearchGrain(tenant).SearchAsync(new SearchRequest("wholesale"));

        // Assert
        Assert.Equal(20, result.PreviewNames.Count);
        Assert.Null(result.JobId);
        Assert.Equal(0, result.Scheduled);
        Assert.Contains("nothing scheduled", result.Notice, StringComparison.Ordinal);
        Assert.Contains("JOBS_MAX_OPEN_PER_TENANT", result.Notice, StringComparison.Ordinal);
        Assert.Equal(200L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
    }
}
