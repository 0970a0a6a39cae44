namespace IcpSearch.Grains.Database;

/// <summary>
/// Where the PostgreSQL database is and how the schema is kept current.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>Gets or sets the Npgsql connection string (from <c>ConnectionStrings:IcpSearch</c> or <c>ICPSEARCH_DB</c>); required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Gets or sets whether the silo applies pending migrations at start. Default: true.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
