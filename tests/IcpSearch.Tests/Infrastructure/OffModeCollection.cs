namespace IcpSearch.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class OffModeCollection : ICollectionFixture<OffModeFixture>
{
    public const string Name = "off mode";
}
