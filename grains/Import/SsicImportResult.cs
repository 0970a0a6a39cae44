namespace IcpSearch.Grains.Import;

/// <summary>
/// What an SSIC reference import stored.
/// </summary>
/// <param name="Version">The version label.</param>
/// <param name="RowsRead">Data rows read from the file.</param>
/// <param name="Stored">Rows stored for the version, headings filled in included.</param>
/// <param name="HeadingsAdded">Section and division rows added from the built-in hierarchy because the file lacked them.</param>
/// <param name="Rejected">Rows that could not be taken.</param>
public sealed record SsicImportResult(string Version, int RowsRead, int Stored, int HeadingsAdded, IReadOnlyList<ImportReject> Rejected);
