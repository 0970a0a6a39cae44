namespace IcpSearch.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class NoSyncCollection : ICollectionFixture<NoSyncFixture>
{
    public const string Name = "no sync";
}
