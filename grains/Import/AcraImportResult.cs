namespace IcpSearch.Grains.Import;

/// <summary>
/// What the import of one ACRA file did; every row read is exactly one of inserted, updated, unchanged or rejected.
/// </summary>
/// <param name="Source">The file (or stream) name, as stored in <c>source_file</c>.</param>
/// <param name="RowsRead">Data rows read (the header not counted).</param>
/// <param name="Inserted">Rows whose UEN was new.</param>
/// <param name="Updated">Rows that changed at least one staged column.</param>
/// <param name="Unchanged">Rows equal to what staging already held.</param>
/// <param name="Rejected">Rows that could not be taken.</param>
/// <param name="Rejects">The first rejects (see <see cref="AcraImportOptions.RejectsKept"/>).</param>
/// <param name="Warnings">Ignored columns, one line each.</param>
/// <param name="RejectsFile">The rejects file written, or null when there were no rejects or none was asked for.</param>
/// <param name="IndexesRebuilt">Whether the indexes of staging were dropped and built again (a large first load into an empty table).</param>
/// <param name="Elapsed">Wall time of the import, commit included.</param>
public sealed record AcraImportResult(
    string Source,
    long RowsRead,
    long Inserted,
    long Updated,
    long Unchanged,
    long Rejected,
    IReadOnlyList<ImportReject> Rejects,
    IReadOnlyList<string> Warnings,
    string? RejectsFile,
    bool IndexesRebuilt,
    TimeSpan Elapsed)
{
    /// <summary>Gets rows read per second of wall time.</summary>
    public double RowsPerSecond => Elapsed > TimeSpan.Zero ? RowsRead / Elapsed.TotalSeconds : 0;
}
