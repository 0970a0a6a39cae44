namespace IcpSearch.Grains.Import;

/// <summary>
/// Where each ACRA column is in a file: the field index per column of <see cref="AcraColumns.All"/>, -1 when absent.
/// </summary>
/// <param name="FieldOf">The 0-based field of each column, -1 when the file lacks it.</param>
/// <param name="Warnings">One line per header that was ignored (unknown, ambiguous or repeated).</param>
public sealed record AcraHeaderMap(IReadOnlyList<int> FieldOf, IReadOnlyList<string> Warnings)
{
    /// <summary>Returns whether the file has column <paramref name="column"/> (an index into <see cref="AcraColumns.All"/>).</summary>
    public bool Has(int column) => FieldOf[column] >= 0;
}
