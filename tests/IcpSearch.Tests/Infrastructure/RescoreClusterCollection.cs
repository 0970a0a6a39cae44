namespace IcpSearch.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class RescoreClusterCollection : ICollectionFixture<RescoreClusterFixture>
{
    public const string Name = "rescore cluster";
}
