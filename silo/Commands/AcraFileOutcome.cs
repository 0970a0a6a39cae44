using IcpSearch.Grains.Import;

namespace IcpSearch.Silo.Commands;

/// <summary>
/// How the import of one file ended: its result, or why nothing was written from it.
/// </summary>
/// <param name="File">The file's path.</param>
/// <param name="Result">The result when the file was imported.</param>
/// <param name="Error">Why the file was not imported.</param>
public sealed record AcraFileOutcome(string File, AcraImportResult? Result, string? Error);
