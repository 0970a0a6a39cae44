using System.Text;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A temporary folder for fixture files, deleted with everything in it at the end of the test.
/// </summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "icpsearch-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="lines"/> joined by LF as UTF-8 (optionally with a byte order mark) and returns the file's path.</summary>
    public string Write(string name, IEnumerable<string> lines, bool bom = false)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, string.Join("\n", lines) + "\n", new UTF8Encoding(bom));
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
