namespace IcpSearch.Grains.Import;

/// <summary>
/// The SQL of an ACRA import, for the columns a file has. Column names come from <see cref="AcraColumns.All"/>
/// (compile-time constants), never from the file; values only ever travel as COPY data or parameters.
/// </summary>
public static class AcraStageSql
{
    /// <summary>The temporary table the rows are copied into; it lives until the file's transaction ends.</summary>
    public const string StageTable = "acra_import";

    /// <summary>Blocks other writers of staging (a second import) until commit; searches keep reading.</summary>
    public const string Lock = "LOCK TABLE staging_acra_companies IN SHARE ROW EXCLUSIVE MODE";

    /// <summary>Whether the staging table has no rows.</summary>
    public const string IsEmpty = "SELECT NOT EXISTS (SELECT 1 FROM staging_acra_companies)";

    /// <summary>
    /// Every index of staging (the primary key first) as a drop statement and the statement that makes it again,
    /// exactly as the migrations defined it; identifiers are quoted by the catalog (<c>%I</c>, regclass).
    /// </summary>
    public const string Indexes = """
        SELECT CASE WHEN con.oid IS NULL THEN format('DROP INDEX %I.%I', n.nspname, c.relname)
                    ELSE format('ALTER TABLE %s DROP CONSTRAINT %I', i.indrelid::regclass, con.conname) END,
               CASE WHEN con.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                    ELSE format('ALTER TABLE %s ADD CONSTRAINT %I %s', i.indrelid::regclass, con.conname, pg_get_constraintdef(con.oid)) END
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid
        WHERE i.indrelid = 'staging_acra_companies'::regclass
        ORDER BY con.oid IS NULL, c.relname
        """;

    /// <summary>Refreshes planner statistics and the visibility map (index-only counts) after a load.</summary>
    public const string VacuumAnalyze = "VACUUM (ANALYZE) staging_acra_companies";

    /// <summary>Creates the temporary stage table with the present columns (indexes: none, so COPY only appends).</summary>
    public static string CreateStage(IReadOnlyList<int> present)
        => $"CREATE TEMP TABLE {StageTable} ({string.Join(", ", present.Select(c => $"{Name(c)} {SqlType(AcraColumns.All[c].Kind)}"))}) ON COMMIT DROP";

    /// <summary>The binary COPY into the stage table.</summary>
    public static string Copy(IReadOnlyList<int> present)
        => $"COPY {StageTable} ({string.Join(", ", present.Select(Name))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// The merge: new UENs are inserted, rows with a differing column updated, equal rows dropped by the join before
    /// they reach the table, so a re-import neither writes nor locks them. Only the file's columns are compared and
    /// set; <c>source_file</c> and <c>imported_at</c> move only with a written row. Returns (inserted, updated).
    /// </summary>
    public static string Merge(IReadOnlyList<int> present)
    {
        var names = present.Select(Name).ToList();
        var compared = names.Where(n => n != "uen").ToList();
        string Prefixed(string prefix) => string.Join(", ", compared.Select(n => prefix + n));
        return $"""
            WITH merged AS (
                INSERT INTO staging_acra_companies AS t ({string.Join(", ", names)}, source_file, imported_at)
                SELECT {string.Join(", ", names.Select(n => "s." + n))}, @source_file, now()
                FROM {StageTable} s
                LEFT JOIN staging_acra_companies cur ON cur.uen = s.uen
                WHERE cur.uen IS NULL OR ({Prefixed("s.")}) IS DISTINCT FROM ({Prefixed("cur.")})
                ON CONFLICT (uen) DO UPDATE SET {string.Join(", ", compared.Select(n => $"{n} = excluded.{n}"))},
                    source_file = excluded.source_file, imported_at = excluded.imported_at
                WHERE ({Prefixed("t.")}) IS DISTINCT FROM ({Prefixed("excluded.")})
                RETURNING (t.xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged
            """;
    }

    /// <summary>
    /// The merge into an empty, locked staging table: every staged row is new (UENs are unique within a file), so a
    /// plain insert does it, with no primary key needed to arbitrate conflicts. Rows affected = rows inserted.
    /// </summary>
    public static string InsertAll(IReadOnlyList<int> present)
    {
        var names = string.Join(", ", present.Select(Name));
        return $"INSERT INTO staging_acra_companies ({names}, source_file, imported_at) SELECT {names}, @source_file, now() FROM {StageTable}";
    }

    private static string Name(int column) => AcraColumns.All[column].Name;

    private static string SqlType(AcraColumnKind kind) => kind switch
    {
        AcraColumnKind.Date => "date",
        AcraColumnKind.Count => "integer",
        _ => "text",
    };
}
