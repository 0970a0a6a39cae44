namespace IcpSearch.Grains.Import;

/// <summary>
/// What an ACRA import is doing.
/// </summary>
public enum AcraImportPhase
{
    /// <summary>Reading and checking rows, streaming them to the database.</summary>
    Reading,

    /// <summary>Merging the staged rows into <c>staging_acra_companies</c>.</summary>
    Merging,

    /// <summary>Rebuilding the secondary indexes after a first load into an empty table.</summary>
    Indexing,

    /// <summary>Committed.</summary>
    Done,
}
