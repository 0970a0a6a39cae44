namespace IcpSearch.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class FailureClusterCollection : ICollectionFixture<FailureClusterFixture>
{
    public const string Name = "failure cluster";
}
