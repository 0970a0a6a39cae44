using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Diagnostics;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IcpSearch.Tests.Pipeline;

public sealed class LeadPipelineTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private LeadPipeline CreatePipeline()
    {
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        return new LeadPipeline([new RegistryFirmographicsProvider()], new NpgsqlCompanyStore(fixture.DataSource, Options.Create(new EnrichmentOptions())),
            Options.Create(new EnrichmentOptions()), new GrainInstruments(meters), TimeProvider.System, NullLogger<LeadPipeline>.Instance);
    }

    private static ScoringContext Scoring => new(IcpProfile.Default, ["62011"], new DateOnly(2026, 11, 28));

    private static RegistryRow Row(string? uen, string name, string? code = "62011", short liveRank = 0, string? postal = "018989")
        => new(uen, name, "Local Company", liveRank == 0 ? "Live Company" : "Struck Off", new DateOnly(2012, 5, 1), postal, code, "SOFTWARE", null, 6, liveRank);

    [Fact]
    public async Task ProcessAsync_ShouldUpsertByLowerCasedName_WhenTheRowHasNoUen()
    {
        // Arrange
        var tenant = "pipe-" + Guid.NewGuid().ToString("N")[..8];
        var name = "Nameless Software " + Guid.NewGuid().ToString("N")[..6] + " Pte. Ltd.";
        var pipeline = CreatePipeline();

        // Act
        var first = await pipeline.ProcessAsync(new PipelineRequest(tenant, [Row(null, name)], Scoring), TestContext.Current.CancellationToken);
        var second = await pipeline.ProcessAsync(new PipelineRequest(tenant, [Row(null, name.ToUpperInvariant())], Scoring), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(first[0].CompanyId, second[0].CompanyId);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM companies WHERE lower(name) = lower(@n) AND uen IS NULL", ("n", name)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", tenant)));
    }

    [Fact]
    public async Task ProcessAsync_ShouldDeriveFirmographicsAndScore_WhenGivenARegistryRow()
    {
        // Arrange
        var tenant = "pipe-" + Guid.NewGuid().ToString("N")[..8];
        var uen = "PIPE" + Guid.NewGuid().ToString("N")[..6];

        // Act
        var result = await CreatePipeline().ProcessAsync(new PipelineRequest(tenant, [Row(uen, "Firmographics Software Pte. Ltd.")], Scoring), TestContext.Current.CancellationToken);

        // Assert
        var company = result.Single();
        Assert.Equal("Information and Communications", company.Industry);
        Assert.Equal("62011", company.IndustryCode);
        // Graded: 14 years is 14/19 of the age points and 6 officers 6/10 of the size points (no ICP bands).
        Assert.Equal(90, company.Score);
        Assert.Equal("high", company.Bucket);
        Assert.Equal("industry 62011 in search target (+35/35); Live Company (+15/15); 14 years old (+11/15); 6 officers (+9/15); any district (+10/10); Local Company (+10/10)", company.Rationale);
        await using var command = fixture.DataSource.CreateCommand(
            "SELECT hq_district, hq_city, hq_country, size_band, incorporation_year, sg_registered FROM companies WHERE uen = @u");
        command.Parameters.AddWithValue("u", uen);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal("D01 Raffles Place, Cecil, Marina, People's Park", reader.GetString(0));
        Assert.Equal("Singapore", reader.GetString(1));
        Assert.Equal("SG", reader.GetString(2));
        Assert.Equal("medium", reader.GetString(3));
        Assert.Equal(2012, reader.GetInt32(4));
        Assert.True(reader.GetBoolean(5));
    }

    [Fact]
    public async Task ProcessAsync_ShouldMarkOnlyTheRowWithoutACode_WhenOneRowLacksAnSsicCode()
    {
        // Arrange
        var tenant = "pipe-" + Guid.NewGuid().ToString("N")[..8];
        var good = "GOOD" + Guid.NewGuid().ToString("N")[..6];
        var bare = "BARE" + Guid.NewGuid().ToString("N")[..6];

        // Act
        var result = await CreatePipeline().ProcessAsync(new PipelineRequest(tenant,
            [Row(good, "Coded Pte. Ltd."), Row(bare, "Uncoded Pte. Ltd.", code: null), Row(good, "Coded Duplicate Pte. Ltd.")], Scoring),
            TestContext.Current.CancellationToken);

        // Assert: the duplicate UEN keeps its first row; only the uncoded company is degraded, and its run says why.
        Assert.Equal(2, result.Count);
        Assert.Equal("ok", result.Single(c => c.Uen == good).EnrichmentStatus);
        var degraded = result.Single(c => c.Uen == bare);
        Assert.Equal("degraded", degraded.EnrichmentStatus);
        Assert.Equal("registry-firmographics: the registry row has no SSIC code", degraded.EnrichmentReason);
        Assert.Equal("failed", await fixture.ScalarAsync<string>("SELECT outcome FROM enrichment_runs WHERE company_id = @id", ("id", degraded.CompanyId)));
        Assert.Equal("ok", await fixture.ScalarAsync<string>("SELECT outcome FROM enrichment_runs WHERE company_id = @id",
            ("id", result.Single(c => c.Uen == good).CompanyId)));
    }
}
