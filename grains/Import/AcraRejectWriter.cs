using CsvHelper;

namespace IcpSearch.Grains.Import;

/// <summary>
/// Writes rejected rows to a CSV file (line, reason, record) created on the first reject, so a clean import leaves
/// no file behind; a rejects file left by an earlier run of the same input is removed when the writer is created.
/// </summary>
public sealed class AcraRejectWriter : IDisposable
{
    private static readonly string[] Header = ["line", "reason", "record"];

    private readonly string? _path;
    private FileStream? _stream;
    private CsvWriter? _csv;

    /// <summary>Creates a writer for <paramref name="path"/>; null writes nothing.</summary>
    public AcraRejectWriter(string? path)
    {
        _path = path;
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Gets the file written, or null when nothing was rejected (or no path was given).</summary>
    public string? WrittenPath => _csv is null ? null : _path;

    /// <summary>Returns the rejects file that belongs to an input file: <c>A.csv</c> → <c>A.rejects.csv</c>.</summary>
    public static string PathFor(string input) => Path.ChangeExtension(input, ".rejects.csv");

    /// <summary>Returns whether <paramref name="path"/> is a rejects file (skipped when a folder is imported).</summary>
    public static bool IsRejectsFile(string path) => path.EndsWith(".rejects.csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>Appends one rejected row.</summary>
    public void Add(long line, string reason, string record)
    {
        if (_path is null)
        {
            return;
        }

        if (_csv is null)
        {
            _stream = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read);
            // Raw records are data for a person to read, not formulas for a spreadsheet to run.
            _csv = CsvWriter.Create(_stream, new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.Escape }, leaveOpen: true);
            _csv.WriteHeader(Header);
        }

        _csv.WriteField(line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _csv.WriteField(reason);
        _csv.WriteField(record);
        _csv.EndRecord();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _csv?.Flush();
        _csv?.Dispose();
        _stream?.Dispose();
    }
}
