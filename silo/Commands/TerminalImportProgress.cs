using IcpSearch.Grains.Import;
using Spectre.Console;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// Progress as a Spectre.Console bar: bytes for the bar and its ETA, rows and rows/s in the description.
/// </summary>
public sealed class TerminalImportProgress(ProgressTask task, string name) : IProgress<AcraImportProgress>
{
    private long _bytes;

    /// <inheritdoc />
    public void Report(AcraImportProgress value)
    {
        if (value.TotalBytes is null)
        {
            task.IsIndeterminate = true;
        }

        if (value.BytesRead > _bytes)
        {
            task.Increment(value.BytesRead - _bytes);
            _bytes = value.BytesRead;
        }

        var rate = value.Elapsed.TotalSeconds > 0 ? value.RowsRead / value.Elapsed.TotalSeconds : 0;
        task.Description = value.Phase switch
        {
            AcraImportPhase.Reading => $"{name}  {value.RowsRead,10:N0} rows  {rate,9:N0} rows/s",
            AcraImportPhase.Merging => $"{name}  {value.RowsRead,10:N0} rows  [blue]merging[/]",
            AcraImportPhase.Indexing => $"{name}  {value.RowsRead,10:N0} rows  [blue]building indexes[/]",
            _ => $"{name}  {value.RowsRead,10:N0} rows  {rate,9:N0} rows/s",
        };
    }
}
