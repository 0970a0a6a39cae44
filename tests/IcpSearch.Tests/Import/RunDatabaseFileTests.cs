using System.Diagnostics;
using IcpSearch.Silo.Commands;

namespace IcpSearch.Tests.Import;

/// <summary>
/// The silo's commands find the database ./run.sh started through <c>.data/icpsearch-db</c> when ICPSEARCH_DB is not set.
/// </summary>
public sealed class RunDatabaseFileTests(EmptyRegistryFixture fixture) : IClassFixture<EmptyRegistryFixture>, IDisposable
{
    private const string Secret = "never-printed-password";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task MigrateCommand_ShouldUseTheRunFileAndSaySo_WhenIcpsearchDbIsNotSet()
    {
        // Arrange: the file as ./run.sh writes it, two folders above where the command runs.
        var file = _folder.Write(RunDatabaseFile.RelativePath, [fixture.ConnectionString + ";Password=" + Secret]);
        var workingDirectory = Directory.CreateDirectory(Path.Combine(_folder.Path, "silo", "sub")).FullName;

        // Act
        var (exitCode, output) = await RunSiloAsync(workingDirectory, "migrate");

        // Assert
        Assert.True(exitCode == 0, $"exit code {exitCode}: {output}");
        Assert.Contains("ICPSEARCH_DB is not set: using the database ./run.sh started", output, StringComparison.Ordinal);
        Assert.Contains(file, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Username=", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_ShouldPreferTheNearestFolder_WhenSeveralHoldAFile()
    {
        // Arrange
        _folder.Write(RunDatabaseFile.RelativePath, ["Host=outer"]);
        var inner = _folder.Write(Path.Combine("repo", RunDatabaseFile.RelativePath), ["Host=inner"]);
        var start = Directory.CreateDirectory(Path.Combine(_folder.Path, "repo", "silo", "bin")).FullName;

        // Act
        var found = RunDatabaseFile.Find(start);

        // Assert
        Assert.Equal(inner, found);
        Assert.Equal("Host=inner", RunDatabaseFile.Read(found!));
    }

    private static async Task<(int ExitCode, string Output)> RunSiloAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IcpSearch.Silo.dll"), .. args])
        {
            WorkingDirectory = workingDirectory,
        };
        start.Environment.Remove("ICPSEARCH_DB");
        start.Environment.Remove("ConnectionStrings__IcpSearch");
        return await ChildProcess.RunToExitAsync(start);
    }
}
