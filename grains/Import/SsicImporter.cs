using System.Reflection;
using IcpSearch.Grains.Industries;
using CsvHelper;

namespace IcpSearch.Grains.Import;

/// <summary>
/// Loads an SSIC reference file (code, title, optional description) as one version of <c>ssic_ref</c>, replacing
/// that version atomically. Sections and divisions the file lacks are filled in from <see cref="SsicHierarchy"/>,
/// so a file of 5-digit codes alone still resolves "manufacturing" to section C. Every title's sentence-embedding
/// vector is stored with the version (<c>ssic_vectors</c>), for resolution by meaning.
/// </summary>
public sealed partial class SsicImporter(NpgsqlDataSource dataSource, ITextEmbedder embedder, ILogger<SsicImporter> logger)
{
    /// <summary>The version label of the reference the project ships (SSIC 2020, Department of Statistics Singapore).</summary>
    public const string BundledVersion = "ssic2020";

    private const string BundledResource = "data/ssic/ssic2020.csv";

    private static readonly string[] CodeHeaders = ["code", "ssic", "ssic_code", "ssic_2020", "ssic2020", "ssic_2020_code", "ssic_2015"];
    private static readonly string[] TitleHeaders = ["title", "ssic_2020_title", "ssic_title", "ssic2020_title", "ssic_2015_title", "name"];
    private static readonly string[] DescriptionHeaders = ["description", "detailed_definitions", "detailed_definition", "definition", "definitions"];

    /// <summary>Gets or sets the largest share of rejected rows a file may have and still be imported. Default: 0.05.</summary>
    public double MaxRejectShare { get; init; } = 0.05;

    /// <summary>Imports the reference bundled with the project (<c>data/ssic/ssic2020.csv</c>).</summary>
    public async Task<SsicImportResult> ImportBundledAsync(CancellationToken cancellationToken = default)
    {
        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(BundledResource)
            ?? throw new InvalidOperationException($"Embedded resource {BundledResource} is missing.");
        return await ImportAsync(stream, BundledVersion, BundledResource, cancellationToken);
    }

    /// <summary>Reads <paramref name="csv"/> and stores it as <paramref name="version"/>, or throws <see cref="ImportFailedException"/> having written nothing.</summary>
    public async Task<SsicImportResult> ImportAsync(Stream csv, string version, string source, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var (rows, read, rejects) = await ReadAsync(csv, cancellationToken);
        if (read == 0)
        {
            throw new ImportFailedException($"{source}: no data rows.");
        }

        if (rejects.Count > read * MaxRejectShare)
        {
            throw new ImportFailedException(
                $"{source}: {rejects.Count} of {read} rows rejected (more than {MaxRejectShare:P0}); nothing imported. First: line {rejects[0].Line}: {rejects[0].Reason}");
        }

        var added = AddMissingHeadings(rows);
        // Embedded before the transaction opens: inference takes seconds on a new reference, a lock should not.
        var ordered = rows.Values.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var vectors = embedder.Embed(ordered.Select(r => SsicTitleText.ForEmbedding(r.Title)).ToList(), cancellationToken);
        await WriteAsync(version.Trim(), source, ordered, vectors, cancellationToken);
        LogImported(logger, version, rows.Count, added, rejects.Count);
        return new SsicImportResult(version.Trim(), read, rows.Count, added, rejects);
    }

    private static async Task<(Dictionary<string, Row> Rows, int Read, List<ImportReject> Rejects)> ReadAsync(Stream csv, CancellationToken cancellationToken)
    {
        await using var reader = CsvReader.Create(csv, new CsvReaderOptions { Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
        await reader.ReadHeaderAsync(cancellationToken);
        var headers = reader.Headers.Select(CsvHeaders.Normalise).ToList();
        var codeAt = Find(headers, CodeHeaders) ?? throw new ImportFailedException($"No code column (looked for: {string.Join(", ", CodeHeaders)}).");
        var titleAt = Find(headers, TitleHeaders) ?? throw new ImportFailedException($"No title column (looked for: {string.Join(", ", TitleHeaders)}).");
        var descriptionAt = Find(headers, DescriptionHeaders);

        var raw = new List<(long Line, string Code, string Title, string? Description)>();
        var rejects = new List<ImportReject>();
        var read = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            read++;
            var line = reader.LineNumber;
            var code = new string(reader.GetString(codeAt).Where(c => !char.IsWhiteSpace(c) && c != '.').ToArray()).ToUpperInvariant();
            var title = reader.GetString(titleAt).Trim();
            var description = descriptionAt is { } d ? reader.GetString(d).Trim() : null;
            if (code.Length == 0)
            {
                rejects.Add(new ImportReject(line, "empty code"));
            }
            else if (title.Length == 0)
            {
                rejects.Add(new ImportReject(line, $"code {code} has no title"));
            }
            else if (title.Length > 500 || description?.Length > 4000)
            {
                rejects.Add(new ImportReject(line, $"code {code}: title or description too long"));
            }
            else
            {
                raw.Add((line, code, title, string.IsNullOrEmpty(description) ? null : description));
            }
        }

        // A file with no headings above class level holds 5-digit codes only; spreadsheet exports drop their
        // leading zero (01111 becomes 1111), so 4-digit codes in such a file are padded back. Rows that are no
        // code at all (rejected below) do not count either way.
        var codesOnly = raw.Where(r => r.Code.All(char.IsAsciiDigit) || SsicHierarchy.LevelOf(r.Code) == 1)
            .All(r => r.Code.All(char.IsAsciiDigit) && r.Code.Length >= 4);
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        foreach (var (line, rawCode, title, description) in raw)
        {
            var code = codesOnly && rawCode.Length == 4 ? "0" + rawCode : rawCode;
            var level = SsicHierarchy.LevelOf(code);
            if (level == 0 || SsicHierarchy.SectionOf(code) is not { } section)
            {
                rejects.Add(new ImportReject(line, $"'{rawCode}' is not a section letter or a 2- to 5-digit SSIC code of a known division"));
            }
            else if (!rows.TryAdd(code, new Row(code, level, section, SsicHierarchy.ParentOf(code), title, description)))
            {
                rejects.Add(new ImportReject(line, $"code {code} appears twice"));
            }
        }

        return (rows, read, rejects);
    }

    private static int AddMissingHeadings(Dictionary<string, Row> rows)
    {
        var added = 0;
        var sections = rows.Values.Select(r => r.Section).Distinct().ToList();
        foreach (var section in sections)
        {
            if (rows.TryAdd(section.ToString(), new Row(section.ToString(), 1, section, null, SsicHierarchy.Sections[section], null)))
            {
                added++;
            }
        }

        var divisions = rows.Values.Where(r => r.Level >= 2).Select(r => r.Code[..2]).Distinct().ToList();
        foreach (var division in divisions)
        {
            if (SsicHierarchy.Divisions.TryGetValue(division, out var title)
                && rows.TryAdd(division, new Row(division, 2, SsicHierarchy.SectionOf(division)!.Value, SsicHierarchy.ParentOf(division), title, null)))
            {
                added++;
            }
        }

        return added;
    }

    private async Task WriteAsync(string version, string source, List<Row> rows, float[][] vectors, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var prepare = new NpgsqlBatch(connection, transaction))
        {
            var upsertVersion = new NpgsqlBatchCommand("""
                INSERT INTO ssic_versions (version, source, imported_at) VALUES (@version, @source, now())
                ON CONFLICT (version) DO UPDATE SET source = excluded.source, imported_at = excluded.imported_at
                """);
            upsertVersion.Parameters.AddWithValue("version", version);
            upsertVersion.Parameters.AddWithValue("source", source);
            var clear = new NpgsqlBatchCommand("DELETE FROM ssic_ref WHERE version = @version");
            clear.Parameters.AddWithValue("version", version);
            prepare.BatchCommands.Add(upsertVersion);
            prepare.BatchCommands.Add(clear);
            await prepare.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY ssic_ref (version, code, level, section, parent_code, title, description) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(version, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(row.Code, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync((short)row.Level, NpgsqlDbType.Smallint, cancellationToken);
                await importer.WriteAsync(row.Section.ToString(), NpgsqlDbType.Char, cancellationToken);
                await WriteNullableAsync(importer, row.Parent, cancellationToken);
                await importer.WriteAsync(row.Title, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(importer, row.Description, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY ssic_vectors (version, model, code, vector) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(version, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(embedder.Model, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(rows[i].Code, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(vectors[i], NpgsqlDbType.Array | NpgsqlDbType.Real, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    private static int? Find(List<string> headers, string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            var index = headers.IndexOf(candidate);
            if (index >= 0)
            {
                return index;
            }
        }

        return null;
    }

    private sealed record Row(string Code, int Level, char Section, string? Parent, string Title, string? Description);

    [LoggerMessage(EventId = 500, EventName = "ssic_imported", Level = LogLevel.Information,
        Message = "SSIC reference {Version}: {Stored} rows stored ({HeadingsAdded} headings filled in), {Rejected} rejected")]
    private static partial void LogImported(ILogger logger, string version, int stored, int headingsAdded, int rejected);
}
