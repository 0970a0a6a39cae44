namespace IcpSearch.Grains.Import;

/// <summary>
/// One column of <c>staging_acra_companies</c> that the ACRA import fills, with the header names it is known by.
/// </summary>
/// <param name="Name">The column name, which is also ACRA's header name.</param>
/// <param name="Kind">How values are read and checked.</param>
/// <param name="MaxLength">The longest value taken, in characters (text kinds only).</param>
/// <param name="Aliases">Other header names for the column, in normalised form (see <see cref="CsvHeaders.Normalise"/>).</param>
public sealed record AcraColumn(string Name, AcraColumnKind Kind, int MaxLength, IReadOnlyList<string> Aliases);
