using System.Diagnostics;
using System.Globalization;
using IcpSearch.Grains.Import;
using Spectre.Console;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// Imports ACRA files one by one (one transaction each) for <c>import acra</c> and <c>demo</c>: progress bars on a
/// terminal, log lines otherwise, then a summary and, when anything changed, <c>VACUUM ANALYZE</c> of staging.
/// </summary>
public sealed class AcraImportRunner(AcraImporter importer, ILogger<AcraImportRunner> logger)
{
    /// <summary>Imports <paramref name="files"/> in order; returns 0 when every file was imported, 1 when any was not, 130 when cancelled.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> files, AcraImportOptions options, bool interactive, CancellationToken cancellationToken)
    {
        var outcomes = new List<AcraFileOutcome>();
        var clock = Stopwatch.StartNew();
        try
        {
            if (interactive)
            {
                await RunWithProgressBarsAsync(files, options, outcomes, cancellationToken);
            }
            else
            {
                await RunWithLogLinesAsync(files, options, outcomes, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var current = files.Count > outcomes.Count ? Path.GetFileName(files[outcomes.Count]) : "the last file";
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]import cancelled: {current} was rolled back; {outcomes.Count(o => o.Result is not null)} file(s) before it stay imported.[/]");
            return SiloCommandLine.Cancelled;
        }

        clock.Stop();
        var imported = outcomes.Where(o => o.Result is not null).Select(o => o.Result!).ToList();
        if (imported.Any(r => r.Inserted + r.Updated > 0))
        {
            // Fresh statistics and visibility map: good plans and index-only counts straight after a load.
            var vacuum = Stopwatch.StartNew();
            await importer.VacuumAnalyzeAsync(cancellationToken);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"VACUUM ANALYZE staging_acra_companies: {vacuum.Elapsed.TotalSeconds:0.0} s");
        }

        if (interactive && outcomes.Count > 0)
        {
            AnsiConsole.Write(SummaryTable(outcomes));
        }

        var failed = outcomes.Where(o => o.Result is null).ToList();
        var rows = imported.Sum(r => r.RowsRead);
        var noun = files.Count == 1 ? "file" : "files";
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"import: {files.Count} {noun}, {rows:N0} rows read, {imported.Sum(r => r.Inserted):N0} inserted, {imported.Sum(r => r.Updated):N0} updated, " +
            $"{imported.Sum(r => r.Unchanged):N0} unchanged, {imported.Sum(r => r.Rejected):N0} rejected, " +
            $"{(clock.Elapsed.TotalSeconds > 0 ? rows / clock.Elapsed.TotalSeconds : 0):N0} rows/s ({clock.Elapsed.TotalSeconds:0.0} s)");
        AnsiConsole.MarkupLineInterpolated($"{summary}");
        if (failed.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[red]import: {failed.Count} of {files.Count} {noun} not imported (nothing written from them): {string.Join(", ", failed.Select(f => Path.GetFileName(f.File)))}[/]");
            return SiloCommandLine.Failed;
        }

        return 0;
    }

    private async Task RunWithProgressBarsAsync(IReadOnlyList<string> files, AcraImportOptions options, List<AcraFileOutcome> outcomes, CancellationToken cancellationToken)
    {
        // Printed after the bars: a line written while they are live, and wrapped by the terminal, garbles them.
        var notes = new List<string>();
        try
        {
            await AnsiConsole.Progress()
                .AutoClear(false)
                .HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                    new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    foreach (var file in files)
                    {
                        var name = Markup.Escape(Path.GetFileName(file));
                        var task = context.AddTask(name, maxValue: Math.Max(1, new FileInfo(file).Length));
                        try
                        {
                            var result = await importer.ImportFileAsync(file, options, new TerminalImportProgress(task, name), cancellationToken);
                            task.Value = task.MaxValue;
                            task.Description = string.Create(CultureInfo.InvariantCulture,
                                $"{name}  {result.RowsRead,10:N0} rows  [green]{result.Inserted:N0} new, {result.Updated:N0} updated, {result.Unchanged:N0} unchanged[/]{(result.Rejected > 0 ? $", [yellow]{result.Rejected:N0} rejected[/]" : "")}");
                            task.StopTask();
                            notes.AddRange(result.Warnings.Select(w => $"[yellow]{Markup.Escape($"{Path.GetFileName(file)}: {w}")}[/]"));
                            if (result.RejectsFile is not null)
                            {
                                notes.Add($"[yellow]{Markup.Escape($"{Path.GetFileName(file)}: {result.Rejected:N0} rows rejected; see {result.RejectsFile}")}[/]");
                            }

                            outcomes.Add(new AcraFileOutcome(file, result));
                        }
                        catch (ImportFailedException ex)
                        {
                            task.Description = $"{name}  [red]not imported[/]";
                            task.StopTask();
                            notes.Add($"[red]{Markup.Escape(ex.Message)}[/]");
                            outcomes.Add(new AcraFileOutcome(file, null));
                        }
                    }
                });
        }
        finally
        {
            foreach (var note in notes)
            {
                AnsiConsole.MarkupLine(note);
            }
        }
    }

    private async Task RunWithLogLinesAsync(IReadOnlyList<string> files, AcraImportOptions options, List<AcraFileOutcome> outcomes, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            CommandLog.FileStart(logger, name, new FileInfo(file).Length / 1e6);
            try
            {
                var r = await importer.ImportFileAsync(file, options, new PlainImportProgress(logger), cancellationToken);
                CommandLog.FileDone(logger, name, r.RowsRead, r.Inserted, r.Updated, r.Unchanged, r.Rejected, r.RowsPerSecond);
                outcomes.Add(new AcraFileOutcome(file, r));
            }
            catch (ImportFailedException ex)
            {
                CommandLog.FileFailed(logger, ex.Message);
                outcomes.Add(new AcraFileOutcome(file, null));
            }
        }
    }

    private static Table SummaryTable(IReadOnlyList<AcraFileOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("File").AddColumn(new TableColumn("Rows read").RightAligned()).AddColumn(new TableColumn("Inserted").RightAligned())
            .AddColumn(new TableColumn("Updated").RightAligned()).AddColumn(new TableColumn("Unchanged").RightAligned())
            .AddColumn(new TableColumn("Rejected").RightAligned()).AddColumn(new TableColumn("Rows/s").RightAligned())
            .AddColumn(new TableColumn("Time").RightAligned());
        foreach (var outcome in outcomes)
        {
            var name = Markup.Escape(Path.GetFileName(outcome.File));
            if (outcome.Result is { } r)
            {
                table.AddRow(name, N(r.RowsRead), N(r.Inserted), N(r.Updated), N(r.Unchanged), N(r.Rejected), N((long)r.RowsPerSecond),
                    r.Elapsed.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture));
            }
            else
            {
                table.AddRow(name, "[red]not imported[/]", "", "", "", "", "", "");
            }
        }

        return table;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
