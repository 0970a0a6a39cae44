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

    internal const string CountByDescriptionSql = """
        SELECT count(*) FROM staging_acra_companies WHERE lower(primary_ssic_description) LIKE ANY(@patterns)
        """;

    internal const string ReadByCodesSql = $"""
        SELECT {Columns}
        FROM staging_acra_companies
        WHERE (primary_ssic_code = ANY(@codes) OR secondary_ssic_code = ANY(@codes))
          AND (live_rank, uen) > (@after_rank, @after_uen)
        ORDER BY live_rank, uen
        LIMIT @limit
        """;

    internal const string ReadByDescriptionSql = $"""
        SELECT {Columns}
        FROM staging_acra_companies
        WHERE lower(primary_ssic_description) LIKE ANY(@patterns)
          AND (live_rank, uen) > (@after_rank, @after_uen)
        ORDER BY live_rank, uen
        LIMIT @limit
        """;

    /// <inheritdoc />
    public async Task<long> CountMatchesAsync(MatchSpec match, CancellationToken cancellationToken = default)
    {
        if (match.IsEmpty)
        {
            return 0;
        }

        await using var command = dataSource.CreateCommand(match.Codes.Count > 0 ? CountByCodesSql : CountByDescriptionSql);
        AddMatchParameters(command, match);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegistryRow>> ReadMatchesAsync(MatchSpec match, MatchCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (match.IsEmpty || limit == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(match.Codes.Count > 0 ? ReadByCodesSql : ReadByDescriptionSql);
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

    private static void AddMatchParameters(NpgsqlCommand command, MatchSpec match)
    {
        if (match.Codes.Count > 0)
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("codes", match.Codes.ToArray()));
        }
        else
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("patterns", match.DescriptionPatterns.Select(ToLikePattern).ToArray()));
        }
    }

    // The pattern is data, but LIKE gives %, _ and \ meaning: escape them so a term matches literally.
    private static string ToLikePattern(string term)
        => "%" + term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
