using IcpSearch.Grains.Import;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// How the import of one file ended: its result, or null when nothing was written from it (the reason was shown as it happened).
/// </summary>
/// <param name="File">The file's path.</param>
/// <param name="Result">The result when the file was imported.</param>
public sealed record AcraFileOutcome(string File, AcraImportResult? Result);
