using IcpSearch.Grains.Import;
using IcpSearch.Grains.Industries;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpSearch.Tests.Industries;

/// <summary>
/// The resolution cache is keyed by SSIC reference version and import: a new <c>import ssic</c> takes effect on the
/// very next search of a resolver that has the old answer cached.
/// </summary>
public sealed class IndustryResolverVersionTests(EmptyRegistryFixture fixture) : IClassFixture<EmptyRegistryFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ResolveAsync_ShouldUseTheNewReference_OnTheSearchRightAfterAnImport()
    {
        // Arrange: one resolver (one cache) across the imports, as in a running silo.
        var importer = new SsicImporter(fixture.DataSource, ArcticXsEmbedder.Shared, NullLogger<SsicImporter>.Instance);
        var resolver = new NpgsqlIndustryResolver(fixture.DataSource, new NpgsqlSsicReferenceStore(fixture.DataSource, ArcticXsEmbedder.Shared));
        var before = await resolver.ResolveAsync(["hotels"], TestContext.Current.CancellationToken);
        var cached = await resolver.ResolveAsync(["hotels"], TestContext.Current.CancellationToken);

        // Act: a new version holding only one hotel code, then the same version re-imported with another.
        await ImportAsync(importer, "v2.csv", "test-next", ["code,title", "55102,Hotels without restaurant", "56111,Restaurants"]);
        var afterNewVersion = await resolver.ResolveAsync(["hotels"], TestContext.Current.CancellationToken);
        await ImportAsync(importer, "v3.csv", "test-next", ["code,title", "55101,Hotels with restaurant", "56111,Restaurants"]);
        var afterReimport = await resolver.ResolveAsync(["hotels"], TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(["55101", "55102"], before.Codes);
        Assert.Equal(before.Codes, cached.Codes);
        Assert.Equal(["55102"], afterNewVersion.Codes);
        Assert.Equal(["55101"], afterReimport.Codes);
        Assert.Equal("Hotels with restaurant", Assert.Single(afterReimport.Headings).Title);
    }

    private async Task ImportAsync(SsicImporter importer, string name, string version, string[] lines)
    {
        var file = _folder.Write(name, lines);
        await using var stream = File.OpenRead(file);
        await importer.ImportAsync(stream, version, name, TestContext.Current.CancellationToken);
    }
}
