namespace IcpSearch.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzGatewayFixture>
{
    public const string Name = "fuzz";
}
