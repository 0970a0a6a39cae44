namespace IcpSearch.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SingleSiloClusterCollection : ICollectionFixture<SingleSiloClusterFixture>
{
    public const string Name = "single silo cluster";
}
