using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Search;

[Collection(DegradedEnrichmentCollection.Name)]
public sealed class DegradedEnrichmentTests(DegradedEnrichmentFixture fixture)
{
    [Fact]
    public async Task SearchAsync_ShouldStillAnswerWithDegradedCompanies_WhenProvidersFailOrOverrunTheirBudget()
    {
        // Act
        var result = await fixture.Grains.GetTenantSearchGrain("degraded").SearchAsync(new SearchRequest("construction"));

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
