using System.Diagnostics;
using System.Globalization;
using IcpSearch.Grains.Demo;
using IcpSearch.Grains.Import;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace IcpSearch.Bench;

/// <summary>
/// The ACRA importer against psql's <c>\copy</c> of the same file: a first load into a freshly migrated database
/// (staging with its indexes, as in production), a re-import of the same file (all rows unchanged), and the
/// <c>\copy</c> baseline into an empty, index-free table with the file's columns, all in one run.
/// </summary>
public sealed class ImportBenchmark : IBenchmark
{
    private const string BaselineTable = """
        CREATE TABLE copy_baseline (
            uen text, entity_name text, entity_type_description text, entity_status_description text,
            registration_incorporation_date date, block text, street_name text, level_no text, unit_no text,
            building_name text, postal_code text, primary_ssic_code text, primary_ssic_description text,
            secondary_ssic_code text, secondary_ssic_description text, no_of_officers integer)
        """;

    /// <inheritdoc />
    public string Name => "import";

    /// <inheritdoc />
    public string Description => "ACRA CSV import vs psql \\copy of the same file (--rows N, default 1000000; --compare-merge also times a load without the index rebuild)";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args)
    {
        var rows = BenchArgs.Int(args, "--rows", 1_000_000);
        var compareMerge = BenchArgs.Flag(args, "--compare-merge");

        var folder = Directory.CreateTempSubdirectory("icpsearch-import-bench-");
        try
        {
            var file = Path.Combine(folder.FullName, "acra.csv");
            var clock = Stopwatch.StartNew();
            await using (var output = File.Create(file))
            {
                await DemoRegistryGenerator.WriteCsvAsync(DemoRegistryGenerator.FromBundledReference().Generate(rows), output);
            }

            Print($"import benchmark: {rows:N0} rows, file {new FileInfo(file).Length / 1e6:0.0} MB (generated in {clock.Elapsed.TotalSeconds:0.0} s)");

            var copySeconds = await CopyAsync(file, "bench_import_copy", BaselineTable, "copy_baseline");
            Print($"psql \\copy, empty table without indexes:  {Rate(rows, copySeconds)}");

            var connectionString = await BenchDatabase.CreateAsync("bench_import");
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var importer = new AcraImporter(dataSource, NullLogger<AcraImporter>.Instance);

            var (first, phases) = await TimedImportAsync(importer, file, new AcraImportOptions());
            Print($"importer, first load into empty staging:  {Rate(first.RowsRead, first.Elapsed.TotalSeconds)}  {Counts(first)}");
            Print($"  phases: {phases}; indexes rebuilt: {(first.IndexesRebuilt ? "yes" : "no")}");
            Print($"  ratio importer / \\copy: {copySeconds / first.Elapsed.TotalSeconds:0.00}");

            clock.Restart();
            await importer.VacuumAnalyzeAsync();
            Print($"  VACUUM ANALYZE afterwards: {clock.Elapsed.TotalSeconds:0.00} s (not in the figures above)");

            var (again, againPhases) = await TimedImportAsync(importer, file, new AcraImportOptions());
            Print($"importer, re-import of the same file:     {Rate(again.RowsRead, again.Elapsed.TotalSeconds)}  {Counts(again)}");
            Print($"  phases: {againPhases}");
            Print($"  ratio re-import / \\copy: {copySeconds / again.Elapsed.TotalSeconds:0.00}");

            // Context, not the target: the same \copy into a migrated staging table, which maintains every index row by row.
            var stagingSeconds = await CopyAsync(file, "bench_import_copy_staging", null, $"staging_acra_companies ({string.Join(", ", AcraRecord.CsvHeader)})");
            Print($"psql \\copy into migrated staging (indexed): {Rate(rows, stagingSeconds)}  (importer first load / this: {stagingSeconds / first.Elapsed.TotalSeconds:0.00})");

            if (compareMerge)
            {
                var plain = await BenchDatabase.CreateAsync("bench_import_merge");
                await using var plainSource = NpgsqlDataSource.Create(plain);
                var (merged, mergedPhases) = await TimedImportAsync(
                    new AcraImporter(plainSource, NullLogger<AcraImporter>.Instance), file, new AcraImportOptions { RebuildIndexesFromRows = 0 });
                Print($"importer, first load keeping the indexes: {Rate(merged.RowsRead, merged.Elapsed.TotalSeconds)}  {Counts(merged)}");
                Print($"  phases: {mergedPhases}");
                Print($"  ratio / \\copy: {copySeconds / merged.Elapsed.TotalSeconds:0.00}");
            }

            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(AcraImportResult Result, string Phases)> TimedImportAsync(AcraImporter importer, string file, AcraImportOptions options)
    {
        var marks = new Dictionary<AcraImportPhase, TimeSpan>();
        var progress = new PhaseClock(marks);
        var result = await importer.ImportFileAsync(file, options with { RejectsPath = file + ".rejects" }, progress);
        var merging = marks.GetValueOrDefault(AcraImportPhase.Merging);
        var indexing = marks.TryGetValue(AcraImportPhase.Indexing, out var i) ? i : (TimeSpan?)null;
        var done = marks[AcraImportPhase.Done];
        var phases = string.Create(CultureInfo.InvariantCulture,
            $"read+COPY {merging.TotalSeconds:0.00} s, merge {((indexing ?? done) - merging).TotalSeconds:0.00} s");
        if (indexing is { } start)
        {
            phases += string.Create(CultureInfo.InvariantCulture, $", index rebuild + commit {(done - start).TotalSeconds:0.00} s");
        }

        return (result, phases);
    }

    /// <summary>Times psql's <c>\copy</c> of the file into <paramref name="target"/> (a table and column list) of a fresh migrated database.</summary>
    private static async Task<double> CopyAsync(string file, string database, string? createTable, string target)
    {
        var connectionString = await BenchDatabase.CreateAsync(database);
        if (createTable is not null)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand(createTable, connection);
            await create.ExecuteNonQueryAsync();
        }

        var psql = Path.Combine(Environment.GetEnvironmentVariable("PG_BIN_DIR") ?? throw new InvalidOperationException("PG_BIN_DIR is not set: run through bench/run.sh."), "psql");
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(psql)
        {
            ArgumentList =
            {
                "-h", server.Host!, "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", server.Username!, "-d", server.Database!,
                "-v", "ON_ERROR_STOP=1", "-q", "-c", $"\\copy {target} FROM '{file}' WITH (FORMAT csv, HEADER true)",
            },
            RedirectStandardError = true,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql \\copy failed ({process.ExitCode}): {errors}");
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static string Rate(long rows, double seconds)
        => string.Create(CultureInfo.InvariantCulture, $"{rows,9:N0} rows in {seconds,6:0.00} s = {rows / seconds,9:N0} rows/s");

    private static string Counts(AcraImportResult r)
        => string.Create(CultureInfo.InvariantCulture, $"({r.Inserted:N0} inserted, {r.Updated:N0} updated, {r.Unchanged:N0} unchanged, {r.Rejected:N0} rejected)");

    private static void Print(string line) => Console.WriteLine(line);

    /// <summary>Notes when each phase starts, on the importing thread.</summary>
    private sealed class PhaseClock(Dictionary<AcraImportPhase, TimeSpan> marks) : IProgress<AcraImportProgress>
    {
        public void Report(AcraImportProgress value) => marks.TryAdd(value.Phase, value.Elapsed);
    }
}
