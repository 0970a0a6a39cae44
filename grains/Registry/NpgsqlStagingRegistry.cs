using System.Collections.Concurrent;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Database;
using IcpSearch.Grains.Pipeline;

namespace IcpSearch.Grains.Registry;

/// <summary>
/// <see cref="IStagingRegistry"/> over <c>staging_acra_companies</c>, through the SSIC-code, match-order and UEN indexes.
/// </summary>
public sealed class NpgsqlStagingRegistry(NpgsqlDataSource dataSource) : IStagingRegistry
{
    private const string Columns = """
        uen, entity_name, entity_type_description, entity_status_description, registration_incorporation_date,
        postal_code, primary_ssic_code, primary_ssic_description, secondary_ssic_code, no_of_officers, live_rank
        """;

    // Split in two so each half is an index-only count: rows whose primary code matches, plus rows matched only
    // through their secondary code.
    internal static readonly string CountByCodesSql = CountSql("");

    private const string ByCodes = "(primary_ssic_code = ANY(@codes) OR secondary_ssic_code = ANY(@codes))";

    // A broad spec (a section or a large division) matches a good share of the registry: walking an ordered index
    // with the codes in a hash table finds the next rows quickly, where "= ANY(array)" would compare every row
    // against each of hundreds of codes.
    private const string ByManyCodes = "(primary_ssic_code IN (SELECT unnest(@codes)) OR secondary_ssic_code IN (SELECT unnest(@codes)))";

    // The head of a search: live entities first, through the match-order index (live_rank, uen).
    internal static readonly string HeadByCodesSql = HeadSql(many: false, filter: "");

    internal static readonly string HeadByManyCodesSql = HeadSql(many: true, filter: "");

    // A job's batch: UEN order through the primary key. The UEN never changes, so a cursor on it stays valid when a
    // re-import changes a row's status between two batches.
    private const string AfterUen = "uen > @after_uen AND uen <> ALL(@skip_uens)";

    internal static readonly string BatchByCodesSql = BatchSql(many: false, filter: "");

    internal static readonly string BatchByManyCodesSql = BatchSql(many: true, filter: "");

    /// <summary>Above this many codes a spec is read through an ordered index with hashed codes (see <see cref="ByManyCodes"/>).</summary>
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

    // Counts and caches in one round trip; older generations' entries go at the same time.
    private static string CountAndStoreSql(string filter) => $"""
        WITH counted (total) AS ({CountSql(filter)}),
        stored AS (
            INSERT INTO staging_match_counts (spec_key, generation, total)
            SELECT @spec_key, @generation, total FROM counted
            ON CONFLICT (spec_key, generation) DO NOTHING),
        pruned AS (DELETE FROM staging_match_counts WHERE generation < @generation)
        SELECT total FROM counted
        """;

    /// <summary>The count of a spec whose filters give <paramref name="filter"/> (see <see cref="MatchFilterSql"/>).</summary>
    internal static string CountSql(string filter) => $"""
        SELECT (SELECT count(*) FROM staging_acra_companies WHERE primary_ssic_code = ANY(@codes){filter})
             + (SELECT count(*) FROM staging_acra_companies
                 WHERE secondary_ssic_code = ANY(@codes)
                   AND (primary_ssic_code IS NULL OR primary_ssic_code <> ALL(@codes)){filter})
        """;

    /// <summary>The head of a spec in match order.</summary>
    internal static string HeadSql(bool many, string filter) => ReadSql(many ? ByManyCodes : ByCodes, keyset: null, orderBy: "live_rank, uen", filter);

    /// <summary>The head of a spec bounded by an incorporation date from below: live first, then the newest.</summary>
    /// <remarks>
    /// Local companies' UENs begin with their incorporation year, so in match order the rows such a spec wants come
    /// last; the recent-order index (019) reaches them first. The job still takes every other match, whatever the
    /// head's order, since it leaves out exactly the head's UENs.
    /// </remarks>
    internal static string RecentHeadSql(bool many, string filter)
        => ReadSql(many ? ByManyCodes : ByCodes, keyset: null, orderBy: "live_rank, registration_incorporation_date DESC, uen DESC", filter);

    /// <summary>The best-scoring matches of a spec: highest ICP points first, then UEN (see <see cref="IcpScoreModel"/>).</summary>
    internal static string BestSql(bool many, string filter, IcpScoreModel ranking)
        => ReadSql(many ? ByManyCodes : ByCodes, keyset: null, orderBy: $"{ranking.StagingPointsSql()} DESC, uen", filter);

    /// <summary>A job's batch of a spec in UEN order.</summary>
    internal static string BatchSql(bool many, string filter) => ReadSql(many ? ByManyCodes : ByCodes, AfterUen, orderBy: "uen", filter);

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

        // Stored under the generation read before counting: if an import landed in between, that generation is
        // already stale and the entry is never read.
        await using var count = dataSource.CreateCommand(CountAndStoreSql(MatchFilterSql.Predicate(match.Filters)));
        AddMatchParameters(count, match);
        count.Parameters.AddWithValue("spec_key", key);
        count.Parameters.AddWithValue("generation", generation);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegistryRow>> ReadHeadAsync(MatchSpec match, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (match.IsEmpty || limit == 0)
        {
            return [];
        }

        var many = match.Codes.Count > ManyCodes;
        var filter = MatchFilterSql.Predicate(match.Filters);
        await using var command = dataSource.CreateCommand(match.Filters?.IncorporatedFrom is null ? HeadSql(many, filter) : RecentHeadSql(many, filter));
        AddMatchParameters(command, match);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadRowsAsync(command, limit, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegistryRow>> ReadBestAsync(MatchSpec match, IcpScoreModel ranking, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (match.IsEmpty || limit == 0)
        {
            return [];
        }

        // Ranking scores every match, which a broad search at a million rows takes hundreds of milliseconds to do: kept
        // per registry generation and ranking, so a repeated search (or another tenant's with the same profile) reads
        // its 10 at once and the next import makes every entry stale.
        var key = (MatchSpecKey.Compute(match), ranking.Key, limit);
        var generation = await ReadGenerationAsync(cancellationToken);
        if (_best.TryGetValue(key, out var cached) && cached.Generation == generation)
        {
            return cached.Rows;
        }

        // A sample of matches (an index walk that stops early) sets a bar: its limit-th best points, which the true
        // best reach too, so the ranking only scores rows that can still reach it. The sample is drawn where the ICP
        // points (its districts, its ages) when it has at least limit rows there; an unnarrowed sample that
        // holds fewer rows than asked for is every match, and is ranked here.
        var sampleSize = Math.Max(RankingSample, limit);
        IReadOnlyList<RegistryRow> sample = [];
        if (ranking.PromisingFilters(match.Filters) is { } promising)
        {
            sample = await ReadHeadAsync(match with { Filters = promising }, sampleSize, cancellationToken);
        }

        var narrowed = sample.Count >= limit;
        if (!narrowed)
        {
            sample = await ReadHeadAsync(match, sampleSize, cancellationToken);
        }

        IReadOnlyList<RegistryRow> rows;
        var ranked = sample.Select(r => (Row: r, ranking.Score(ScoreFacts.From(r)).Points))
            .OrderByDescending(r => r.Points).ThenBy(r => r.Row.Uen, StringComparer.Ordinal).ToList();
        if (!narrowed && sample.Count < sampleSize)
        {
            rows = [.. ranked.Take(limit).Select(r => r.Row)];
        }
        else
        {
            await using var command = dataSource.CreateCommand();
            var prefilter = ranking.PrefilterSql(ranked[limit - 1].Points, command.Parameters);
            command.CommandText = BestSql(match.Codes.Count > ManyCodes, MatchFilterSql.Predicate(match.Filters) + " AND " + prefilter, ranking);
            AddMatchParameters(command, match);
            ranking.AddParameters(command.Parameters);
            command.Parameters.AddWithValue("limit", limit);
            rows = await ReadRowsAsync(command, limit, cancellationToken);
        }

        if (_best.Count >= CacheLimit)
        {
            _best.Clear();
        }

        // Stored under the generation read before ranking: an import in between makes the entry stale at once.
        _best[key] = (generation, rows);
        return rows;
    }

    private async Task<long> ReadGenerationAsync(CancellationToken cancellationToken)
    {
        await using var current = dataSource.CreateCommand(GenerationSql);
        return (long)(await current.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RegistryRow>> ReadBatchAsync(
        MatchSpec match, string? afterUen, IReadOnlyList<string> skipUens, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (match.IsEmpty || limit == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(BatchSql(match.Codes.Count > ManyCodes, MatchFilterSql.Predicate(match.Filters)));
        AddMatchParameters(command, match);
        command.Parameters.AddWithValue("after_uen", afterUen ?? "");
        command.Parameters.Add(new NpgsqlParameter<string[]>("skip_uens", skipUens.ToArray()));
        command.Parameters.AddWithValue("limit", limit);
        return await ReadRowsAsync(command, limit, cancellationToken);
    }

    private const string GenerationSql = "SELECT generation FROM registry_generation WHERE id = 1";

    private const int CacheLimit = 1_000;

    // Large enough that its 10th best is a high bar, small enough to read in a few milliseconds.
    private const int RankingSample = 200;

    private readonly ConcurrentDictionary<(string Spec, string Ranking, int Limit), (long Generation, IReadOnlyList<RegistryRow> Rows)> _best = new();

    private readonly ConcurrentDictionary<(string Key, int PrefixLength, int Limit), (long Generation, IReadOnlyList<(string, string, long)> Headings)> _headingCounts = new();

    /// <summary>The narrower headings of a spec by primary code, with titles from the current SSIC reference.</summary>
    internal static string HeadingCountsSql(string filter) => $"""
        WITH counted AS (
            SELECT left(primary_ssic_code, @prefix_length) AS heading, count(*) AS total
            FROM staging_acra_companies
            WHERE primary_ssic_code = ANY(@codes){filter}
            GROUP BY 1
            ORDER BY 2 DESC, 1
            LIMIT @limit)
        SELECT c.heading, coalesce(r.title, c.heading), c.total
        FROM counted c
        LEFT JOIN ssic_ref r ON r.code = c.heading
         AND r.version = (SELECT version FROM ssic_versions ORDER BY imported_at DESC, version DESC LIMIT 1)
        ORDER BY c.total DESC, c.heading
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<(string Code, string Title, long Count)>> CountByHeadingAsync(
        MatchSpec match, int prefixLength, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(prefixLength, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, 5);
        if (match.IsEmpty || limit <= 0)
        {
            return [];
        }

        // A broad search's headings are a grouped count over most of its rows: kept per registry generation, like the
        // total, so a repeated broad search does not count them again.
        var key = (MatchSpecKey.Compute(match), prefixLength, limit);
        var generation = await ReadGenerationAsync(cancellationToken);
        if (_headingCounts.TryGetValue(key, out var cached) && cached.Generation == generation)
        {
            return cached.Headings;
        }

        await using var command = dataSource.CreateCommand(HeadingCountsSql(MatchFilterSql.Predicate(match.Filters)));
        AddMatchParameters(command, match);
        command.Parameters.Add(new NpgsqlParameter<int>("prefix_length", prefixLength));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var headings = new List<(string, string, long)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                headings.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        if (_headingCounts.Count >= CacheLimit)
        {
            _headingCounts.Clear();
        }

        // Stored under the generation read before counting: an import in between makes the entry stale at once.
        _headingCounts[key] = (generation, headings);
        return headings;
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
            command.Parameters.Add(new NpgsqlParameter<string>("pattern", LikePattern.Contains(term.ToLowerInvariant())));
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

    private static string ReadSql(string match, string? keyset, string orderBy, string filter) => $"""
        SELECT {Columns}
        FROM staging_acra_companies
        WHERE {match}{(keyset is null ? "" : " AND " + keyset)}{filter}
        ORDER BY {orderBy}
        LIMIT @limit
        """;

    private static async Task<IReadOnlyList<RegistryRow>> ReadRowsAsync(NpgsqlCommand command, int limit, CancellationToken cancellationToken)
    {
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
        command.Parameters.Add(new NpgsqlParameter<string[]>("codes", match.Codes.ToArray()));
        MatchFilterSql.AddParameters(command.Parameters, match.Filters);
    }
}
