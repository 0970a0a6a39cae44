using IcpSearch.Grains.Import;
using IcpSearch.Grains.Industries;
using Microsoft.Extensions.Logging.Abstractions;

namespace IcpSearch.Tests.Import;

public sealed class SsicImporterTests(EmptyRegistryFixture fixture) : IClassFixture<EmptyRegistryFixture>, IDisposable
{
    private readonly SsicImporter _importer = new(fixture.DataSource, ArcticXsEmbedder.Shared, NullLogger<SsicImporter>.Instance);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ImportAsync_ShouldStoreEveryLevel_WhenFileIsHierarchical()
    {
        // Arrange
        var file = _folder.Write("hierarchy.csv",
        [
            "SSIC 2020,SSIC 2020 Title,Detailed Definitions",
            "C,Manufacturing,",
            "10,Manufacture of food products,",
            "107,Manufacture of other food products,",
            "1071,Manufacture of bakery products,",
            "10711,Manufacture of bread,\"Bread, buns and rolls\"",
        ]);

        // Act
        var result = await ImportAsync(file, "test-hierarchy");

        // Assert
        Assert.Equal((5, 5, 0), (result.RowsRead, result.Stored, result.HeadingsAdded));
        Assert.Equal("10:2:C|107:3:10|1071:4:107|10711:5:1071|C:1:-", await LevelsAsync("test-hierarchy"));
        Assert.Equal("Bread, buns and rolls", await fixture.ScalarAsync<string>(
            "SELECT description FROM ssic_ref WHERE version = 'test-hierarchy' AND code = '10711'"));
    }

    [Fact]
    public async Task ImportAsync_ShouldFillSectionsAndDivisions_WhenFileHasOnlyFiveDigitCodes()
    {
        // Arrange
        var file = _folder.Write("codes.csv",
        [
            "code,title",
            "10711,Manufacture of bread",
            "10712,Manufacture of cakes",
            "1111,Growing of leafy vegetables",
            "46900,Wholesale trade of a variety of goods",
        ]);

        // Act
        var result = await ImportAsync(file, "test-codes-only");

        // Assert
        Assert.Equal((4, 10, 6), (result.RowsRead, result.Stored, result.HeadingsAdded));
        Assert.Equal("01:2:A|01111:5:0111|10:2:C|10711:5:1071|10712:5:1071|46:2:G|46900:5:4690|A:1:-|C:1:-|G:1:-", await LevelsAsync("test-codes-only"));
        Assert.Equal("Manufacturing", await fixture.ScalarAsync<string>("SELECT title FROM ssic_ref WHERE version = 'test-codes-only' AND code = 'C'"));
        Assert.Equal("Manufacture of food products", await fixture.ScalarAsync<string>("SELECT title FROM ssic_ref WHERE version = 'test-codes-only' AND code = '10'"));

        // The newest version is the one searches use: "manufacturing" still names section C, now with this file's codes.
        var resolved = await new NpgsqlIndustryResolver(fixture.DataSource, new NpgsqlSsicReferenceStore(fixture.DataSource, ArcticXsEmbedder.Shared)).ResolveAsync(["manufacturing"], TestContext.Current.CancellationToken);
        Assert.Equal(["10711", "10712"], resolved.Codes);
    }

    [Fact]
    public async Task ImportAsync_ShouldStillPadFourDigitCodes_WhenJunkRowsAreRejected()
    {
        // Arrange
        var file = _folder.Write("junk.csv", ["code,title", "1111,Growing of leafy vegetables", "10711,Manufacture of bread", "n/a,Not a code"]);
        var lenient = new SsicImporter(fixture.DataSource, ArcticXsEmbedder.Shared, NullLogger<SsicImporter>.Instance) { MaxRejectShare = 0.5 };

        // Act
        await using var stream = File.OpenRead(file);
        var result = await lenient.ImportAsync(stream, "test-junk", "junk.csv", TestContext.Current.CancellationToken);

        // Assert
        Assert.StartsWith("'N/A' is not", Assert.Single(result.Rejected).Reason, StringComparison.Ordinal);
        Assert.Equal("01:2:A|01111:5:0111|10:2:C|10711:5:1071|A:1:-|C:1:-", await LevelsAsync("test-junk"));
    }

    [Fact]
    public async Task ImportAsync_ShouldReplaceTheVersionWhole_WhenReimported()
    {
        // Arrange
        var first = _folder.Write("v1.csv", ["code,title", "10711,Manufacture of bread", "10712,Manufacture of cakes"]);
        var second = _folder.Write("v2.csv", ["code,title", "46900,Wholesale trade of a variety of goods"]);
        var broken = _folder.Write("v3.csv", ["code,title", "XYZ,Not a code", "10711,Manufacture of bread"]);
        await ImportAsync(first, "test-replace");

        // Act
        await ImportAsync(second, "test-replace");
        var failure = await Record.ExceptionAsync(() => ImportAsync(broken, "test-replace"));

        // Assert
        Assert.IsType<ImportFailedException>(failure);
        Assert.Equal("46:2:G|46900:5:4690|G:1:-", await LevelsAsync("test-replace"));
        Assert.Equal("v2.csv", await fixture.ScalarAsync<string>("SELECT source FROM ssic_versions WHERE version = 'test-replace'"));
    }

    private async Task<SsicImportResult> ImportAsync(string file, string version)
    {
        await using var stream = File.OpenRead(file);
        return await _importer.ImportAsync(stream, version, Path.GetFileName(file), TestContext.Current.CancellationToken);
    }

    private Task<string> LevelsAsync(string version)
        => fixture.ScalarAsync<string>(
            "SELECT string_agg(code || ':' || level || ':' || coalesce(parent_code, '-'), '|' ORDER BY code) FROM ssic_ref WHERE version = @v",
            ("v", version));
}
