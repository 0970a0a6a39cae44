using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Registry;

/// <summary>
/// <see cref="IStagingRegistry"/> over <c>staging_acra_companies</c>, through the SSIC-code and match-order indexes.
/// </summary>
public sealed class NpgsqlStagingRegistry(NpgsqlDataSource dataSource) : IStagingRegistry
{
    private const string Columns = """
        uen, entity_name, entity_type_description, entity_status_description, registration_incorporation_date,
        postal_code, primary_ssic_code, primary_ssic_description, secondary_ssic_code, no_of_officers, live_rank
        """;

    // Split in two so each half is an index-only count: rows whose primary code matches, plus rows matched only
    // through their secondary code.
    internal const string CountByCodesSql = """
        SELECT (SELECT count(*) FROM staging_acra_companies WHERE primary_ssic_code = ANY(@codes))
             + (SELECT count(*) FROM staging_acra_companies
                 WHERE secondary_ssic_code = ANY(@codes)
                   AND (primary_ssic_code IS NULL OR primary_ssic_code <> ALL(@codes)))
        """;

    internal const string ReadByCodesSql = $"""
        SELECT {Columns}
        FROM staging_acra_companies
        WHERE (primary_ssic_code = ANY(@codes) OR secondary_ssic_code = ANY(@codes))
          AND (live_rank, uen) > (@after_rank, @after_uen)
        ORDER BY live_rank, uen
        LIMIT @limit
        """;

    // A broad spec (a section or a large division) matches a good share of the registry: walking the match-order
    // index with the codes in a hash table finds a batch quickly, where "= ANY(array)" would plan and compare
    // against every one of hundreds of codes per row.
    internal const string ReadByManyCodesSql = $"""
        SELECT {Columns}
        FROM staging_acra_companies
        WHERE (primary_ssic_code IN (SELECT unnest(@codes)) OR secondary_ssic_code IN (SELECT unnest(@codes)))
          AND (live_rank, uen) > (@after_rank, @after_uen)
        ORDER BY live_rank, uen
        LIMIT @limit
        """;

    /// <summary>Above this many codes a spec is read through the match-order index with hashed codes (see <see cref="ReadByManyCodesSql"/>).</summary>
    internal const int ManyCodes = 64;

    // The registry's own descriptions, through the small trigram-indexed table of its distinct activities. One
    // statement per pattern: a GIN index cannot serve LIKE ANY(array), and a pattern the planner can see is estimated.
    internal const string CodesByDescriptionSql = """
        SELECT code FROM staging_activity WHERE lower(description) LIKE @pattern
        """;

    private const string CachedCountSql = """
        SELECT g.generation, c.total
        FROM registry_generation g
        LEFT JOIN staging_match_counts c ON c.spec_key = @spec_key AND c.generation = g.generation
        WHERE g.id = 1
        """;

    private const string StoreCountSql = """
        INSERT INTO staging_match_counts (spec_key, generation, total) VALUES (@spec_key, @generation, @total)
        ON CONFLICT (spec_key, generation) DO NOTHING;
        DELETE FROM staging_match_counts WHERE generation < @generation;
        """;

    /// <inheritdoc />
    /// <remarks>
    /// Counts are kept per registry generation (bumped by a trigger on every change to the staging table), so a
    /// repeated search reads its exact total instead of counting every matching row again.
    /// </remarks>
    public async Task<long> CountMatchesAsync(MatchSpec match, CancellationToken cancellationToken = default)
    {
        if (match.IsEmpty)
        {
            return 0;
        }

        var key = MatchSpecKey.Compute(match);
        long generation;
        await using (var cached = dataSource.CreateCommand(CachedCountSql))
        {
            cached.Parameters.AddWithValue("spec_key", key);
            await using var reader = await cached.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            generation = reader.GetInt64(0);
            if (!reader.IsDBNull(1))
            {
                return reader.GetInt64(1);
            }
        }

        long total;
        await using (var count = dataSource.CreateCommand(CountByCodesSql))
        {
            AddMatchParameters(count, match);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        // Stored under the generation read before counting: if an import landed in between, that generation is
        // already stale and the entry is never read.
        await using var store = dataSource.CreateCommand(StoreCountSql);
        store.Parameters.AddWithValue("spec_key", key);
        store.Parameters.AddWithValue("generation", generation);
        store.Parameters.AddWithValue("total", total);
        await store.ExecuteNonQueryAsync(cancellationToken);
        return total;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegistryRow>> ReadMatchesAsync(MatchSpec match, MatchCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (match.IsEmpty || limit == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(match.Codes.Count > ManyCodes ? ReadByManyCodesSql : ReadByCodesSql);
        AddMatchParameters(command, match);
        command.Parameters.AddWithValue("after_rank", after?.LiveRank ?? (short)-1);
        command.Parameters.AddWithValue("after_uen", after?.Uen ?? "");
        command.Parameters.AddWithValue("limit", limit);

        var rows = new List<RegistryRow>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new RegistryRow(
                Uen: reader.GetString(0),
                EntityName: reader.GetString(1),
                EntityType: reader.IsDBNull(2) ? null : reader.GetString(2),
                EntityStatus: reader.IsDBNull(3) ? null : reader.GetString(3),
                IncorporationDate: reader.IsDBNull(4) ? null : reader.GetFieldValue<DateOnly>(4),
                PostalCode: reader.IsDBNull(5) ? null : reader.GetString(5),
                PrimarySsicCode: reader.IsDBNull(6) ? null : reader.GetString(6),
                PrimarySsicDescription: reader.IsDBNull(7) ? null : reader.GetString(7),
                SecondarySsicCode: reader.IsDBNull(8) ? null : reader.GetString(8),
                NoOfOfficers: reader.IsDBNull(9) ? null : reader.GetInt32(9),
                LiveRank: reader.GetInt16(10)));
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FindCodesByDescriptionAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken = default)
    {
        if (terms.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var term in terms)
        {
            var command = new NpgsqlBatchCommand(CodesByDescriptionSql);
            command.Parameters.Add(new NpgsqlParameter<string>("pattern", ToLikePattern(term)));
            batch.BatchCommands.Add(command);
        }

        var codes = new SortedSet<string>(StringComparer.Ordinal);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                codes.Add(reader.GetString(0));
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return [.. codes];
    }

    private static void AddMatchParameters(NpgsqlCommand command, MatchSpec match)
        => command.Parameters.Add(new NpgsqlParameter<string[]>("codes", match.Codes.ToArray()));

    // The pattern is data, but LIKE gives %, _ and \ meaning: escape them so a term matches literally.
    private static string ToLikePattern(string term)
        => "%" + term.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
