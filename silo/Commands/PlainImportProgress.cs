using System.Globalization;
using IcpSearch.Grains.Import;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// Progress as periodic log lines, for output that is not a terminal.
/// </summary>
public sealed class PlainImportProgress(ILogger logger) : IProgress<AcraImportProgress>
{
    /// <summary>How often a line is written while rows are read.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    private TimeSpan _lastLine;
    private AcraImportPhase _phase = AcraImportPhase.Reading;

    /// <inheritdoc />
    public void Report(AcraImportProgress value)
    {
        if (value.Phase == AcraImportPhase.Reading)
        {
            if (value.Elapsed - _lastLine < Interval)
            {
                return;
            }

            _lastLine = value.Elapsed;
            var fraction = value.TotalBytes is > 0 ? (double)value.BytesRead / value.TotalBytes.Value : 0;
            var eta = fraction > 0 ? value.Elapsed * ((1 - fraction) / fraction) : TimeSpan.Zero;
            CommandLog.Progress(logger, value.Source, value.RowsRead, fraction * 100, Rate(value),
                eta.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture));
        }
        else if (value.Phase != _phase && value.Phase is AcraImportPhase.Merging or AcraImportPhase.Indexing)
        {
            _phase = value.Phase;
            CommandLog.Phase(logger, value.Source, value.RowsRead, value.Phase == AcraImportPhase.Merging ? "merging into staging" : "building the indexes");
        }
    }

    private static double Rate(AcraImportProgress value) => value.Elapsed.TotalSeconds > 0 ? value.RowsRead / value.Elapsed.TotalSeconds : 0;
}
