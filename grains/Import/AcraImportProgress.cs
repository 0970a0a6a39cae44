namespace IcpSearch.Grains.Import;

/// <summary>
/// A progress report of one ACRA file import.
/// </summary>
/// <param name="Source">The file (or stream) name.</param>
/// <param name="Phase">What the import is doing.</param>
/// <param name="RowsRead">Data rows read so far, rejected ones included.</param>
/// <param name="Rejected">Rows rejected so far.</param>
/// <param name="BytesRead">Bytes of input read so far.</param>
/// <param name="TotalBytes">The size of the input, or null when the stream cannot tell.</param>
/// <param name="Elapsed">Time since the import of this file started.</param>
public sealed record AcraImportProgress(
    string Source,
    AcraImportPhase Phase,
    long RowsRead,
    long Rejected,
    long BytesRead,
    long? TotalBytes,
    TimeSpan Elapsed);
