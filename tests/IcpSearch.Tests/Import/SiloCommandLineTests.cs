using IcpSearch.Silo.Commands;

namespace IcpSearch.Tests.Import;

public sealed class SiloCommandLineTests(EmptyRegistryFixture fixture) : IClassFixture<EmptyRegistryFixture>, IDisposable
{
    private readonly TempFolder _folder = new();

    private Dictionary<string, string?> Database => new() { ["ConnectionStrings:IcpSearch"] = fixture.ConnectionString };

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("import", "acra", "/no/such/folder")]
    [InlineData("import", "ssic", "/no/such/file.csv", "--version", "x")]
    [InlineData("demo", "--rows", "0")]
    [InlineData("demo", "--rows", "many")]
    [InlineData("demo", "--colour", "blue")]
    [InlineData("import", "acra")]
    [InlineData("import")]
    [InlineData("demo", "--seed", "x")]
    public async Task RunAsync_ShouldExitWithTwo_WhenArgumentsAreInvalid(params string[] args)
    {
        // Act
        var exit = await SiloCommandLine.RunAsync(args, Database, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(SiloCommandLine.InvalidArguments, exit);
    }

    [Theory]
    [InlineData("--max-reject-share", "lots")]
    [InlineData("--max-reject-share", "1.5")]
    public async Task RunAsync_ShouldExitWithTwo_WhenRejectShareIsNotAShare(string option, string value)
    {
        // Arrange
        var file = _folder.Write("a.csv", ["uen,entity_name", "900000001A,X PTE. LTD."]);
        var before = await fixture.RegistryDigestAsync();

        // Act
        var exit = await SiloCommandLine.RunAsync(["import", "acra", file, option, value], Database, TestContext.Current.CancellationToken);

        // Assert: the argument is refused before anything is read or written, whatever the registry held.
        Assert.Equal(SiloCommandLine.InvalidArguments, exit);
        Assert.Equal(before, await fixture.RegistryDigestAsync());
    }

    [Fact]
    public void Files_ShouldTakeEveryCsvButRejectsFilesInNameOrder_WhenPathIsAFolder()
    {
        // Arrange
        _folder.Write("b.csv", ["uen,entity_name"]);
        _folder.Write("a.csv", ["uen,entity_name"]);
        _folder.Write("a.rejects.csv", ["line,reason,record"]);
        _folder.Write("notes.txt", ["not a csv"]);

        // Act
        var files = new ImportAcraSettings { Path = _folder.Path }.Files();

        // Assert
        Assert.Equal(["a.csv", "b.csv"], files.Select(Path.GetFileName));
    }

    [Fact]
    public async Task RunAsync_ShouldExitWithTwo_WhenSsicVersionIsMissing()
    {
        // Arrange
        var file = _folder.Write("ssic.csv", ["code,title", "10711,Manufacture of bread"]);

        // Act
        var exit = await SiloCommandLine.RunAsync(["import", "ssic", file], Database, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(SiloCommandLine.InvalidArguments, exit);
    }

    [Fact]
    public async Task RunAsync_ShouldLoadOnceAndThenChangeNothing_WhenDemoAndImportRunAgain()
    {
        // Arrange
        await fixture.ClearRegistryAsync();
        var cancel = TestContext.Current.CancellationToken;

        // Act
        var migrate = await SiloCommandLine.RunAsync(["migrate"], Database, cancel);
        var demo = await SiloCommandLine.RunAsync(["demo", "--rows", "3000", "--out", _folder.Path], Database, cancel);
        var loaded = await fixture.RegistryDigestAsync();
        var ifEmpty = await SiloCommandLine.RunAsync(["demo", "--rows", "5000", "--if-empty", "--out", _folder.Path + "/unused"], Database, cancel);
        var afterIfEmpty = await fixture.RegistryDigestAsync();
        var reimport = await SiloCommandLine.RunAsync(["import", "acra", _folder.Path], Database, cancel);

        // Assert
        Assert.Equal((0, 0, 0, 0), (migrate, demo, ifEmpty, reimport));
        Assert.Equal(3000L, await fixture.ScalarAsync<long>("SELECT count(*) FROM staging_acra_companies"));
        Assert.False(Directory.Exists(_folder.Path + "/unused"));
        Assert.Equal(loaded, afterIfEmpty);
        Assert.Equal(loaded, await fixture.RegistryDigestAsync());
        var files = Directory.GetFiles(_folder.Path, "*.csv").Select(Path.GetFileName).ToList();
        Assert.Contains("acra-entities-A.csv", files);
        Assert.True(files.Count > 10, $"expected one file per initial letter, got {string.Join(", ", files)}");
        Assert.Equal((long)files.Count, await fixture.ScalarAsync<long>("SELECT count(DISTINCT source_file) FROM staging_acra_companies"));
    }

    [Fact]
    public async Task RunAsync_ShouldExitWithOneAndWriteNothing_WhenAFileHasTooManyRejects()
    {
        // Arrange
        await fixture.ClearRegistryAsync();
        var file = _folder.Write("bad.csv", ["uen,entity_name,primary_ssic_code", "900000001A,GOOD PTE. LTD.,46900", "900000002B,BAD PTE. LTD.,ABCDE"]);

        // Act
        var exit = await SiloCommandLine.RunAsync(["import", "acra", file], Database, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(SiloCommandLine.Failed, exit);
        Assert.Equal("empty", await fixture.RegistryDigestAsync());
        Assert.True(File.Exists(Path.Combine(_folder.Path, "bad.rejects.csv")));
    }
}
