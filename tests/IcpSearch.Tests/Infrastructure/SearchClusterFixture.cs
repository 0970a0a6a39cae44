namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// The shared two-silo cluster for search, job and gateway tests; tests isolate themselves by tenant id.
/// </summary>
public sealed class SearchClusterFixture : ClusterFixture;

[CollectionDefinition(Name)]
public sealed class SearchClusterCollection : ICollectionFixture<SearchClusterFixture>
{
    public const string Name = "search cluster";
}
