using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;

namespace IcpSearch.Grains.Import;

/// <summary>
/// Loads ACRA open-data entity files into <c>staging_acra_companies</c>: each file is read once, checked row by row,
/// streamed by binary COPY into a temporary table and merged by UEN in one statement, all in one transaction, so a
/// file either lands whole or not at all. Rows that cannot be taken are counted and written to a rejects file.
/// </summary>
/// <remarks>
/// Re-importing a file changes nothing: a row is written only when its UEN is new or a staged column differs
/// (<c>IS DISTINCT FROM</c>), and only then do <c>source_file</c> and <c>imported_at</c> move. Columns a file lacks
/// are left as they are on existing rows.
/// </remarks>
public sealed partial class AcraImporter(NpgsqlDataSource dataSource, ILogger<AcraImporter> logger)
{
    private const int MaxShownValue = 40;

    // A one-off index build sorts in memory instead of spilling to disk; SET LOCAL ends with the transaction.
    private const string IndexBuildMemory = "SET LOCAL maintenance_work_mem = '512MB'";

    /// <summary>Imports one file; rejects go to <see cref="AcraRejectWriter.PathFor"/> next to it unless <paramref name="options"/> says otherwise.</summary>
    /// <exception cref="ImportFailedException">The file cannot be imported (missing columns, too many rejects); nothing was written.</exception>
    public async Task<AcraImportResult> ImportFileAsync(
        string path,
        AcraImportOptions? options = null,
        IProgress<AcraImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new AcraImportOptions();
        options = options.RejectsPath is null ? options with { RejectsPath = AcraRejectWriter.PathFor(path) } : options;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return await ImportAsync(stream, Path.GetFileName(path), options, progress, cancellationToken);
    }

    /// <summary>Imports ACRA rows from <paramref name="csv"/> (UTF-8, with or without BOM), naming them <paramref name="source"/> in <c>source_file</c>.</summary>
    /// <exception cref="ImportFailedException">The input cannot be imported (missing columns, too many rejects); nothing was written.</exception>
    public async Task<AcraImportResult> ImportAsync(
        Stream csv,
        string source,
        AcraImportOptions? options = null,
        IProgress<AcraImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        options ??= new AcraImportOptions();
        if (options.MaxRejectShare is < 0 or > 1 || double.IsNaN(options.MaxRejectShare))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRejectShare, "MaxRejectShare must be between 0 and 1.");
        }

        var clock = Stopwatch.StartNew();
        long? totalBytes = csv.CanSeek ? csv.Length - csv.Position : null;
        using var rejects = new AcraRejectWriter(options.RejectsPath);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var read = ReadIntoStage(connection, csv, source, totalBytes, options, rejects, progress, clock, cancellationToken);
        var rejectedCount = read.Rejected;
        if (read.ExceedsRejectShare(options.MaxRejectShare))
        {
            var first = read.Kept.Count > 0 ? $" First: line {read.Kept[0].Line}: {read.Kept[0].Reason}." : "";
            var where = rejects.WrittenPath is { } file ? $" See {file}." : "";
            LogFailed(logger, source, rejectedCount, read.RowsRead);
            throw new ImportFailedException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: {rejectedCount:N0} of {read.RowsRead:N0} rows rejected, more than {options.MaxRejectShare * 100:0.##}%; nothing imported.{first}{where}"));
        }

        Report(progress, source, AcraImportPhase.Merging, read, totalBytes, clock);
        await ExecuteAsync(connection, AcraStageSql.Lock, cancellationToken);
        var empty = (bool)(await ScalarAsync(connection, AcraStageSql.IsEmpty, cancellationToken))!;
        // Only into an empty table: DROP INDEX holds an ACCESS EXCLUSIVE lock until commit, so searches wait for the
        // whole load. Acceptable when there is nothing to find yet; a live registry keeps its indexes and its readers.
        var rebuild = empty && options.RebuildIndexesFromRows > 0 && read.Staged >= options.RebuildIndexesFromRows;
        var indexes = rebuild ? await DropIndexesAsync(connection, cancellationToken) : [];

        long inserted, updated;
        if (empty)
        {
            inserted = await ExecuteAsync(connection, AcraStageSql.InsertAll(read.Present), cancellationToken, ("source_file", source));
            updated = 0;
        }
        else
        {
            // Statistics on the stage let the planner hash-join it against staging instead of guessing its size.
            await ExecuteAsync(connection, $"ANALYZE {AcraStageSql.StageTable}", cancellationToken);
            (inserted, updated) = await MergeAsync(connection, read.Present, source, cancellationToken);
        }

        if (indexes.Count > 0)
        {
            Report(progress, source, AcraImportPhase.Indexing, read, totalBytes, clock);
            await ExecuteAsync(connection, IndexBuildMemory, cancellationToken);
            foreach (var create in indexes)
            {
                await ExecuteAsync(connection, create, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        clock.Stop();
        Report(progress, source, AcraImportPhase.Done, read, totalBytes, clock);

        var result = new AcraImportResult(
            source, read.RowsRead, inserted, updated, read.Staged - inserted - updated, rejectedCount, read.Kept, read.Warnings,
            rejects.WrittenPath, indexes.Count > 0, clock.Elapsed);
        LogImported(logger, source, result.RowsRead, inserted, updated, result.Unchanged, rejectedCount, clock.Elapsed.TotalSeconds);
        return result;
    }

    /// <summary>Refreshes the planner statistics and the visibility map of the staging table (run after a load).</summary>
    public async Task VacuumAnalyzeAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(AcraStageSql.VacuumAnalyze);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private ReadOutcome ReadIntoStage(
        NpgsqlConnection connection,
        Stream csv,
        string source,
        long? totalBytes,
        AcraImportOptions options,
        AcraRejectWriter rejects,
        IProgress<AcraImportProgress>? progress,
        Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var outcome = new ReadOutcome(options.RejectsKept);
        var malformed = new List<CsvMalformedRecord>();
        using var reader = CsvReader.Create(csv, new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = malformed.Add,
            // An unclosed quote would otherwise swallow the rest of a large file as one field.
            MaxRecordSize = 1 << 20,
        }, leaveOpen: true);

        reader.ReadHeader();
        if (reader.Headers.Count == 0)
        {
            throw new ImportFailedException($"{source}: no header row.");
        }

        var map = AcraColumns.Map(reader.Headers);
        foreach (var warning in map.Warnings)
        {
            LogColumnIgnored(logger, source, warning);
        }

        outcome.Warnings = map.Warnings;
        foreach (var required in new[] { AcraColumns.UenIndex, AcraColumns.EntityNameIndex })
        {
            if (!map.Has(required))
            {
                throw new ImportFailedException(
                    $"{source}: no {AcraColumns.All[required].Name} column (accepted names: {AcraColumns.AcceptedNames(required)}).");
            }
        }

        outcome.Present = Enumerable.Range(0, AcraColumns.All.Count).Where(map.Has).ToArray();
        using (var create = new NpgsqlCommand(AcraStageSql.CreateStage(outcome.Present), connection))
        {
            create.ExecuteNonQuery();
        }

        var present = outcome.Present;
        var kinds = present.Select(c => AcraColumns.All[c].Kind).ToArray();
        var fieldOf = map.FieldOf.ToArray();
        var texts = new string?[AcraColumns.All.Count];
        var dates = new DateOnly?[AcraColumns.All.Count];
        var counts = new int?[AcraColumns.All.Count];
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);

        using var importer = connection.BeginBinaryImport(AcraStageSql.Copy(present));
        while (NextRecord(reader, source, malformed, outcome, rejects))
        {
            cancellationToken.ThrowIfCancellationRequested();
            outcome.RowsRead++;
            var line = reader.LineNumber;
            var reason = ReadRow(reader, fieldOf, texts, dates, counts);
            if (reason is null)
            {
                var uen = texts[AcraColumns.UenIndex]!;
                if (!seen.TryAdd(uen, line))
                {
                    reason = $"duplicate uen {uen} (first on line {seen[uen]})";
                }
            }

            if (reason is not null)
            {
                outcome.Reject(line, reason, Encoding.UTF8.GetString(reader.RawRecord), rejects);
            }
            else
            {
                WriteRow(importer, present, kinds, texts, dates, counts);
                outcome.Staged++;
            }

            if (outcome.RowsRead % options.ProgressEvery == 0)
            {
                outcome.BytesRead = reader.ByteOffset;
                Report(progress, source, AcraImportPhase.Reading, outcome, totalBytes, clock);
            }
        }

        outcome.BytesRead = totalBytes ?? reader.ByteOffset;
        if (!outcome.ExceedsRejectShare(options.MaxRejectShare))
        {
            importer.Complete();
        }

        // Otherwise the importer is disposed uncompleted, which cancels the COPY; the caller rolls back.
        Report(progress, source, AcraImportPhase.Reading, outcome, totalBytes, clock);
        return outcome;
    }

    /// <summary>Advances to the next well-formed record, rejecting the malformed ones the reader skipped on the way.</summary>
    private static bool NextRecord(CsvReader reader, string source, List<CsvMalformedRecord> malformed, ReadOutcome outcome, AcraRejectWriter rejects)
    {
        bool more;
        try
        {
            more = reader.Read();
        }
        catch (CsvFormatException ex)
        {
            throw new ImportFailedException($"{source}: line {ex.LineNumber}: {ex.Message} Nothing imported.", ex);
        }

        TakeMalformed(source, malformed, outcome, rejects);
        return more;
    }

    private static void TakeMalformed(string source, List<CsvMalformedRecord> malformed, ReadOutcome outcome, AcraRejectWriter rejects)
    {
        foreach (var record in malformed)
        {
            if (record.Reason == CsvMalformedReason.UnterminatedQuote)
            {
                throw new ImportFailedException(
                    $"{source}: line {record.LineNumber}: a quoted field is never closed, so the rest of the file cannot be read; nothing imported.");
            }

            outcome.RowsRead++;
            var reason = record.Reason switch
            {
                CsvMalformedReason.FieldCountMismatch => "wrong number of fields for the header",
                CsvMalformedReason.StrayQuote => "malformed quoting (a quote inside an unquoted field)",
                CsvMalformedReason.TextAfterClosingQuote => "malformed quoting (text after a closing quote)",
                _ => $"malformed record ({record.Reason})",
            };
            outcome.Reject(record.LineNumber, reason, record.RawRecord, rejects);
        }

        malformed.Clear();
    }

    /// <summary>Reads and checks the fields of the current record into the buffers; returns why it is rejected, or null.</summary>
    private static string? ReadRow(CsvReader reader, int[] fieldOf, string?[] texts, DateOnly?[] dates, int?[] counts)
    {
        var columns = AcraColumns.All;
        for (var c = 0; c < columns.Count; c++)
        {
            texts[c] = null;
            dates[c] = null;
            counts[c] = null;
            if (fieldOf[c] < 0)
            {
                continue;
            }

            var column = columns[c];
            var value = reader.GetString(fieldOf[c]).Trim();
            switch (column.Kind)
            {
                case AcraColumnKind.Uen or AcraColumnKind.RequiredText when value.Length == 0:
                    return $"missing {column.Name}";
                case AcraColumnKind.Uen or AcraColumnKind.RequiredText or AcraColumnKind.Text when value.Length > column.MaxLength:
                    return $"{column.Name} longer than {column.MaxLength} characters ({value.Length})";
                case AcraColumnKind.Uen or AcraColumnKind.RequiredText or AcraColumnKind.Text:
                    texts[c] = value.Length == 0 ? null : value;
                    break;
                case AcraColumnKind.Date when AcraValues.IsNone(value):
                    break;
                case AcraColumnKind.Date when AcraValues.TryParseDate(value, out var date):
                    dates[c] = date;
                    break;
                case AcraColumnKind.Date:
                    return $"{column.Name} '{Shown(value)}' is not a date (YYYY-MM-DD or DD/MM/YYYY)";
                case AcraColumnKind.SsicCode when AcraValues.IsNone(value):
                    break;
                case AcraColumnKind.SsicCode when AcraValues.TryNormaliseSsic(value, out var code):
                    texts[c] = code;
                    break;
                case AcraColumnKind.SsicCode:
                    return $"{column.Name} '{Shown(value)}' is not an SSIC code (1-5 digits)";
                case AcraColumnKind.Count when AcraValues.IsNone(value):
                    break;
                case AcraColumnKind.Count when AcraValues.TryParseCount(value, out var count):
                    counts[c] = count;
                    break;
                case AcraColumnKind.Count:
                    return $"{column.Name} '{Shown(value)}' is not a non-negative whole number";
            }
        }

        return null;
    }

    private static void WriteRow(NpgsqlBinaryImporter importer, int[] present, AcraColumnKind[] kinds, string?[] texts, DateOnly?[] dates, int?[] counts)
    {
        importer.StartRow();
        for (var i = 0; i < present.Length; i++)
        {
            var c = present[i];
            switch (kinds[i])
            {
                case AcraColumnKind.Date when dates[c] is { } date:
                    importer.Write(date, NpgsqlDbType.Date);
                    break;
                case AcraColumnKind.Count when counts[c] is { } count:
                    importer.Write(count, NpgsqlDbType.Integer);
                    break;
                case AcraColumnKind.Date or AcraColumnKind.Count:
                    importer.WriteNull();
                    break;
                default:
                    if (texts[c] is { } text)
                    {
                        importer.Write(text, NpgsqlDbType.Text);
                    }
                    else
                    {
                        importer.WriteNull();
                    }

                    break;
            }
        }
    }

    /// <summary>Drops every index of staging (the primary key included) and returns the statements that make them again.</summary>
    private static async Task<List<string>> DropIndexesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var drops = new List<string>();
        var creates = new List<string>();
        await using (var command = new NpgsqlCommand(AcraStageSql.Indexes, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                drops.Add(reader.GetString(0));
                creates.Add(reader.GetString(1));
            }
        }

        // These statements come from the catalog, never from the input file.
        foreach (var drop in drops)
        {
            await ExecuteAsync(connection, drop, cancellationToken);
        }

        return creates;
    }

    private static async Task<(long Inserted, long Updated)> MergeAsync(NpgsqlConnection connection, int[] present, string source, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(AcraStageSql.Merge(present), connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("source_file", source);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static void Report(IProgress<AcraImportProgress>? progress, string source, AcraImportPhase phase, ReadOutcome read, long? totalBytes, Stopwatch clock)
        => progress?.Report(new AcraImportProgress(source, phase, read.RowsRead, read.Rejected, read.BytesRead, totalBytes, clock.Elapsed));

    private static string Shown(string value) => value.Length <= MaxShownValue ? value : value[..MaxShownValue] + "…";

    [LoggerMessage(EventId = 510, EventName = "acra_column_ignored", Level = LogLevel.Warning,
        Message = "ACRA import {Source}: {Warning}")]
    private static partial void LogColumnIgnored(ILogger logger, string source, string warning);

    [LoggerMessage(EventId = 511, EventName = "acra_imported", Level = LogLevel.Information,
        Message = "ACRA import {Source}: {RowsRead} rows read, {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected in {Seconds:0.0} s")]
    private static partial void LogImported(ILogger logger, string source, long rowsRead, long inserted, long updated, long unchanged, long rejected, double seconds);

    [LoggerMessage(EventId = 512, EventName = "acra_import_rejected", Level = LogLevel.Warning,
        Message = "ACRA import {Source}: {Rejected} of {RowsRead} rows rejected, over the limit; nothing imported")]
    private static partial void LogFailed(ILogger logger, string source, long rejected, long rowsRead);

    /// <summary>What reading a file produced.</summary>
    private sealed class ReadOutcome(int keep)
    {
        public long RowsRead { get; set; }

        public long Staged { get; set; }

        public long Rejected { get; private set; }

        public long BytesRead { get; set; }

        public int[] Present { get; set; } = [];

        public IReadOnlyList<string> Warnings { get; set; } = [];

        public List<ImportReject> Kept { get; } = [];

        /// <summary>Whether more than <paramref name="share"/> of the rows read were rejected, which fails the file.</summary>
        public bool ExceedsRejectShare(double share) => Rejected > RowsRead * share;

        public void Reject(long line, string reason, string record, AcraRejectWriter writer)
        {
            Rejected++;
            if (Kept.Count < keep)
            {
                Kept.Add(new ImportReject(line, reason));
            }

            writer.Add(line, reason, record);
        }
    }
}
