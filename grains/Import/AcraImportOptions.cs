namespace IcpSearch.Grains.Import;

/// <summary>
/// How an ACRA import treats bad rows and reports progress.
/// </summary>
public sealed record AcraImportOptions
{
    /// <summary>Gets the largest share of rejected rows a file may have and still be imported (0-1). Default: 0.05.</summary>
    public double MaxRejectShare { get; init; } = 0.05;

    /// <summary>Gets where rejected rows are written as CSV (line, reason, record); null writes none.</summary>
    public string? RejectsPath { get; init; }

    /// <summary>Gets how many rows pass between progress reports. Default: 10,000.</summary>
    public int ProgressEvery { get; init; } = 10_000;

    /// <summary>
    /// Gets the smallest file, in rows, for which a load into an EMPTY staging table drops its indexes (the primary
    /// key included) and builds them again after the insert, in the same transaction: one sorted build per index is
    /// several times cheaper than maintaining them row by row. 0 turns it off. Default: 50,000.
    /// </summary>
    public long RebuildIndexesFromRows { get; init; } = 50_000;

    /// <summary>Gets how many rejects the result keeps in memory (all are counted and written to <see cref="RejectsPath"/>). Default: 100.</summary>
    public int RejectsKept { get; init; } = 100;
}
