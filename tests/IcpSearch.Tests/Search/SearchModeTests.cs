using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Search;

[CollectionDefinition(Name)]
public sealed class PreviewModeCollection : ICollectionFixture<PreviewModeFixture>
{
    public const string Name = "preview mode";
}

[CollectionDefinition(Name)]
public sealed class OffModeCollection : ICollectionFixture<OffModeFixture>
{
    public const string Name = "off mode";
}

[CollectionDefinition(Name)]
public sealed class NoSyncCollection : ICollectionFixture<NoSyncFixture>
{
    public const string Name = "no sync";
}

[CollectionDefinition(Name)]
public sealed class DegradedEnrichmentCollection : ICollectionFixture<DegradedEnrichmentFixture>
{
    public const string Name = "degraded enrichment";
}

[Collection(PreviewModeCollection.Name)]
public sealed class SyncPreviewModeTests(PreviewModeFixture fixture)
{
    [Fact]
    public async Task SearchAsync_ShouldWriteNothingShowSamplesAndQueueEveryMatch_WhenModeIsSyncPreview()
    {
        // Act
        var result = await fixture.Grains.GetGrain<ITenantSearchGrain>("preview").SearchAsync(new SearchRequest("wholesale"));

        // Assert
        Assert.Equal("sync_preview", result.Mode);
        Assert.Empty(result.Companies);
        Assert.Equal(20, result.PreviewNames.Count);
        Assert.Equal(result.TotalMatches, result.Scheduled);
        Assert.NotNull(result.JobId);
        Assert.StartsWith($"Preview of 20 of {result.TotalMatches:N0} matches; nothing written now.", result.Notice);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM companies"));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores"));
        Assert.Equal(result.TotalMatches, await fixture.ScalarAsync<long>("SELECT total FROM background_jobs WHERE job_id = @id", ("id", result.JobId!.Value)));
    }
}

[Collection(OffModeCollection.Name)]
public sealed class OffModeTests(OffModeFixture fixture)
{
    [Fact]
    public async Task SearchAsync_ShouldOnlyExtractTerms_WhenModeIsOff()
    {
        // Act
        var result = await fixture.Grains.GetGrain<ITenantSearchGrain>("off").SearchAsync(new SearchRequest("Manufacturing and logistics"));

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

[CollectionDefinition(Name)]
public sealed class RunImmediatelyCollection : ICollectionFixture<RunImmediatelyFixture>
{
    public const string Name = "run immediately";
}

[Collection(RunImmediatelyCollection.Name)]
public sealed class RunImmediatelyTests(RunImmediatelyFixture fixture)
{
    [Fact]
    public async Task EnqueueStagingUpsertAsync_ShouldRunWithoutWaitingForTheWindow_WhenJobsRunImmediately()
    {
        // Act
        var created = await fixture.Grains.GetGrain<ITenantSearchGrain>("immediate").EnqueueStagingUpsertAsync(["construction"]);
        var mirror = await Eventually.Until(() => Jobs.JobAssertions.MirrorAsync(fixture, created.JobId), m => m.Status == "done",
            TimeSpan.FromSeconds(60), "the job to run at once");

        // Assert
        Assert.True(created.Total > 0);
        Assert.Equal(created.Total, mirror.Processed);
    }
}

[Collection(NoSyncCollection.Name)]
public sealed class NoSyncTests(NoSyncFixture fixture)
{
    [Fact]
    public async Task SearchAsync_ShouldScheduleEveryMatchAndWriteNothingNow_WhenSyncLimitIsZero()
    {
        // Act
        var result = await fixture.Grains.GetGrain<ITenantSearchGrain>("nosync").SearchAsync(new SearchRequest("construction"));

        // Assert
        Assert.Empty(result.Companies);
        Assert.True(result.TotalMatches > 0);
        Assert.Equal(result.TotalMatches, result.Scheduled);
        Assert.NotNull(result.JobId);
        Assert.StartsWith($"Scheduled {result.TotalMatches:N0} matches for nightly processing (job {result.JobId}).", result.Notice);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores"));
    }
}

[Collection(DegradedEnrichmentCollection.Name)]
public sealed class DegradedEnrichmentTests(DegradedEnrichmentFixture fixture)
{
    [Fact]
    public async Task SearchAsync_ShouldStillAnswerWithDegradedCompanies_WhenProvidersFailOrOverrunTheirBudget()
    {
        // Act
        var result = await fixture.Grains.GetGrain<ITenantSearchGrain>("degraded").SearchAsync(new SearchRequest("construction"));

        // Assert: the search answers; every company is marked degraded with both reasons; the registry data is still there.
        Assert.Equal(10, result.Companies.Count);
        Assert.All(result.Companies, c =>
        {
            Assert.Equal("degraded", c.EnrichmentStatus);
            Assert.Contains("website-lookup: website lookup service unreachable", c.EnrichmentReason);
            Assert.Contains("news-signals: exceeded its 300 ms budget", c.EnrichmentReason);
            Assert.Equal("Construction", c.Industry);
        });
        var ids = result.Companies.Select(c => c.CompanyId).ToArray();
        Assert.Equal(10L, await fixture.ScalarAsync<long>("SELECT count(*) FROM enrichment_runs WHERE company_id = ANY(@ids) AND source = 'website-lookup' AND outcome = 'failed'", ("ids", ids)));
        Assert.Equal(10L, await fixture.ScalarAsync<long>("SELECT count(*) FROM enrichment_runs WHERE company_id = ANY(@ids) AND source = 'news-signals' AND outcome = 'timeout'", ("ids", ids)));
        Assert.Equal(10L, await fixture.ScalarAsync<long>("SELECT count(*) FROM enrichment_runs WHERE company_id = ANY(@ids) AND source = 'registry-firmographics' AND outcome = 'ok'", ("ids", ids)));
        Assert.Equal(10L, await fixture.ScalarAsync<long>("SELECT count(*) FROM companies WHERE company_id = ANY(@ids) AND enrichment_status = 'degraded'", ("ids", ids)));
    }
}
