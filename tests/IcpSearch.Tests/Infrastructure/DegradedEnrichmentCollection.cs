namespace IcpSearch.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class DegradedEnrichmentCollection : ICollectionFixture<DegradedEnrichmentFixture>
{
    public const string Name = "degraded enrichment";
}
