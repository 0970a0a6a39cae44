namespace IcpSearch.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SearchClusterCollection : ICollectionFixture<SearchClusterFixture>
{
    public const string Name = "search cluster";
}
