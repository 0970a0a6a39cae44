namespace IcpSearch.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class RunImmediatelyCollection : ICollectionFixture<RunImmediatelyFixture>
{
    public const string Name = "run immediately";
}
