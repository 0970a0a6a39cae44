namespace IcpSearch.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PreviewModeCollection : ICollectionFixture<PreviewModeFixture>
{
    public const string Name = "preview mode";
}
