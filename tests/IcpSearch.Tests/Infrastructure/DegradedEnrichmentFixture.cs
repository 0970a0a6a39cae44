namespace IcpSearch.Tests.Infrastructure;

/// <summary>Two extra enrichment providers, one failing and one hanging, with a 300 ms budget.</summary>
public sealed class DegradedEnrichmentFixture : ModeClusterFixture
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Tests:FailingEnrichmentProviders"] = "true";
        settings["EnrichmentOptions:ProviderTimeout"] = "00:00:00.300";
    }
}
