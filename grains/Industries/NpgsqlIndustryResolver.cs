using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// <see cref="IIndustryResolver"/> over <c>ssic_ref</c>: PostgreSQL full-text search on titles and descriptions,
/// pg_trgm similarity for misspellings, and the SSIC hierarchy to expand headings into their 5-digit codes.
/// </summary>
/// <remarks>
/// Per term: an alias, or a section/division whose title is exactly the term, names a heading and means all of it.
/// Otherwise every heading or code whose text contains all the term's words is a match. A matched heading stands for
/// all its codes when more than half of them match too (warehousing: group 521, dangerous-goods storage included);
/// otherwise it gives way to its matching codes (freight transport: the freight code of the passenger-and-freight rail
/// class, not the whole class). Wholesale and retail matches are dropped unless the term speaks of trade or nothing
/// else matched. A term that heads a section or division title (printing) keeps only matches under that heading.
/// With no match at all, the most similar title (trigram) is taken when it is close enough.
/// Resolutions are cached per term for <see cref="CacheTtl"/>.
/// </remarks>
public sealed partial class NpgsqlIndustryResolver(NpgsqlDataSource dataSource, TimeProvider time) : IIndustryResolver
{
    /// <summary>How long a term's resolution is reused.</summary>
    public static readonly TimeSpan CacheTtl = TimeSpan.FromMinutes(5);

    private const double MinSimilarity = 0.45;
    private const int CacheLimit = 10_000;

    private const string CurrentVersionSql = "(SELECT version FROM ssic_versions ORDER BY imported_at DESC, version DESC LIMIT 1)";

    private const string CandidatesSql = $"""
        WITH t AS (
            SELECT u.term, u.ord::int AS ord, plainto_tsquery('english', u.term) AS q,
                   tsvector_to_array(to_tsvector('english', u.term)) AS lex,
                   (SELECT x.lexeme FROM unnest(to_tsvector('english', u.term)) x ORDER BY x.positions[1] LIMIT 1) AS head
            FROM unnest(@terms::text[]) WITH ORDINALITY AS u(term, ord)
        )
        SELECT t.ord, r.code, r.level,
               cardinality(t.lex) > 0 AND tsvector_to_array(to_tsvector('english', translate(r.title, '/', ' '))) = t.lex AS exact_title,
               numnode(t.q) > 0 AND to_tsvector('english', translate(r.title, '/', ' ')) @@ t.q AS title_match,
               numnode(t.q) > 0 AND r.search_tsv @@ t.q AS text_match,
               similarity(lower(r.title), t.term) AS sim,
               t.head IS NOT NULL AND t.head = (SELECT x.lexeme FROM unnest(to_tsvector('english', translate(r.title, '/', ' '))) x
                                                ORDER BY x.positions[1] LIMIT 1) AS head_match,
               CASE WHEN r.level = 5 THEN 1 ELSE (
                   SELECT count(*) FROM ssic_ref d
                   WHERE d.version = r.version AND d.level = 5
                     AND CASE WHEN r.level = 1 THEN d.section = r.code ELSE d.code LIKE r.code || '%' END) END AS leaves
        FROM t
        JOIN ssic_ref r ON r.version = {CurrentVersionSql}
        WHERE (numnode(t.q) > 0 AND r.search_tsv @@ t.q) OR lower(r.title) % t.term
        """;

    private const string ExpandSql = $"""
        SELECT h.ord, r.code, h.heading
        FROM unnest(@ords::int[], @headings::text[]) AS h(ord, heading)
        JOIN ssic_ref r ON r.version = {CurrentVersionSql} AND r.level = 5
         AND CASE WHEN length(h.heading) = 1 THEN r.section = h.heading ELSE r.code LIKE h.heading || '%' END
        ORDER BY h.ord, r.code
        """;

    private const string TitlesSql = $"""
        SELECT code, title, level FROM ssic_ref WHERE version = {CurrentVersionSql} AND code = ANY(@codes)
        """;

    private readonly ConcurrentDictionary<string, CachedTerm> _cache = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<ResolvedIndustries> ResolveAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var resolved = new Dictionary<string, CachedTerm>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            if (_cache.TryGetValue(term, out var cached) && cached.ExpiresAt > now)
            {
                resolved[term] = cached;
            }
            else
            {
                missing.Add(term);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var (term, entry) in await ResolveUncachedAsync(missing, now + CacheTtl, cancellationToken))
            {
                resolved[term] = entry;
                if (_cache.Count >= CacheLimit)
                {
                    _cache.Clear();
                }

                _cache[term] = entry;
            }
        }

        var codes = resolved.Values.SelectMany(r => r.Codes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var unresolved = terms.Where(t => resolved[t].Codes.Length == 0).ToList();
        var headings = terms.Distinct(StringComparer.Ordinal).SelectMany(t => resolved[t].Headings).ToList();
        return new ResolvedIndustries(codes, unresolved, headings);
    }

    private async Task<Dictionary<string, CachedTerm>> ResolveUncachedAsync(List<string> terms, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        await using (var command = dataSource.CreateCommand(CandidatesSql))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("terms", terms.ToArray()));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(new Candidate(
                    Ord: reader.GetInt32(0) - 1,
                    Code: reader.GetString(1),
                    Level: reader.GetInt16(2),
                    ExactTitle: reader.GetBoolean(3),
                    TitleMatch: reader.GetBoolean(4),
                    TextMatch: reader.GetBoolean(5),
                    Similarity: reader.GetFloat(6),
                    HeadMatch: reader.GetBoolean(7),
                    Leaves: reader.GetInt64(8)));
            }
        }

        var headings = terms.Select((term, i) => ChooseHeadings(term, candidates.Where(c => c.Ord == i).ToList())).ToList();
        var codes = headings.Select(_ => new List<string>()).ToList();
        var perHeading = new Dictionary<(int Ord, string Heading), int>();
        var ords = headings.SelectMany((h, i) => h.Select(_ => i)).ToArray();
        var flat = headings.SelectMany(h => h).ToArray();
        var titles = new Dictionary<string, (string Title, int Level)>(StringComparer.Ordinal);
        if (flat.Length > 0)
        {
            await using (var command = dataSource.CreateCommand(ExpandSql))
            {
                command.Parameters.Add(new NpgsqlParameter<int[]>("ords", ords));
                command.Parameters.Add(new NpgsqlParameter<string[]>("headings", flat));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var ord = reader.GetInt32(0);
                    codes[ord].Add(reader.GetString(1));
                    var key = (ord, reader.GetString(2));
                    perHeading[key] = perHeading.GetValueOrDefault(key) + 1;
                }
            }

            await using (var command = dataSource.CreateCommand(TitlesSql))
            {
                command.Parameters.Add(new NpgsqlParameter<string[]>("codes", flat.Distinct(StringComparer.Ordinal).ToArray()));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    titles[reader.GetString(0)] = (reader.GetString(1), reader.GetInt16(2));
                }
            }
        }

        return terms
            .Select((term, i) => (term, entry: new CachedTerm(
                codes[i].Distinct(StringComparer.Ordinal).ToArray(),
                headings[i].Where(h => perHeading.ContainsKey((i, h))).Select(h => Heading(term, h, titles, perHeading[(i, h)])).ToArray(),
                expiresAt)))
            .ToDictionary(x => x.term, x => x.entry, StringComparer.Ordinal);
    }

    private static ResolvedHeading Heading(string term, string code, Dictionary<string, (string Title, int Level)> titles, int codeCount)
    {
        var (title, level) = titles.TryGetValue(code, out var known)
            ? known
            : (code.Length == 1 && SsicHierarchy.Sections.TryGetValue(code[0], out var section) ? section : code, code.Length == 1 ? 1 : code.Length);
        string[] levels = ["section", "division", "group", "class", "subclass"];
        return new ResolvedHeading(term, code, title, levels[Math.Clamp(level, 1, 5) - 1], IndustryAliases.Headings.ContainsKey(term) ? "alias" : "words", codeCount);
    }

    /// <summary>Chooses the headings a term stands for among its candidate matches (see the class remarks).</summary>
    internal static IReadOnlyList<string> ChooseHeadings(string term, IReadOnlyList<Candidate> candidates)
    {
        if (IndustryAliases.Headings.TryGetValue(term, out var alias))
        {
            return alias;
        }

        var named = candidates.Where(c => c.Level <= 2 && c.ExactTitle).ToList();
        if (named.Count > 0)
        {
            var broadest = named.Min(c => c.Level);
            return named.Where(c => c.Level == broadest).Select(c => c.Code).Distinct().ToList();
        }

        // Sections and divisions count only by title: their descriptions list what they contain, too broadly.
        var matched = candidates.Where(c => c.Level <= 2 ? c.TitleMatch : c.TextMatch).ToList();
        if (!MentionsTrade().IsMatch(term))
        {
            var nonTrade = matched.Where(c => SsicHierarchy.SectionOf(c.Code) != 'G').ToList();
            if (nonTrade.Count > 0)
            {
                matched = nonTrade;
            }
        }

        var chosen = new List<string>();
        foreach (var match in matched)
        {
            var coveredByChosenHeading = matched.Any(h => h.Level < match.Level && IsDescendant(match.Code, h.Code) && StandsForAll(h, matched));
            if (!coveredByChosenHeading && (match.Level == 5 ? true : StandsForAll(match, matched)))
            {
                chosen.Add(match.Code);
            }
        }

        // A term that is the head of a section or division title ("printing" in "Printing and reproduction of
        // recorded media") names that industry: its mentions elsewhere ("manufacture of printing ink") are modifiers.
        var headed = matched.Where(h => h.Level <= 2 && h.HeadMatch && h.TitleMatch).ToList();
        if (headed.Count > 0)
        {
            chosen = chosen.Where(code => headed.Any(h => h.Code == code || IsDescendant(code, h.Code))).ToList();
        }

        if (chosen.Count > 0)
        {
            return chosen.Distinct().ToList();
        }

        var closest = candidates
            .Where(c => c.Similarity >= MinSimilarity)
            .OrderByDescending(c => c.Similarity)
            .ThenBy(c => c.Level)
            .FirstOrDefault();
        return closest is null ? [] : [closest.Code];
    }

    // A heading stands for all its codes when none of them matched on their own (its title says what they share)
    // or when more than half of them did.
    private static bool StandsForAll(Candidate heading, List<Candidate> matched)
    {
        var matchedLeaves = matched.Count(d => d.Level == 5 && IsDescendant(d.Code, heading.Code));
        return matchedLeaves == 0 || matchedLeaves * 2 > heading.Leaves;
    }

    private static bool IsDescendant(string code, string ancestor)
    {
        if (code == ancestor)
        {
            return false;
        }

        return ancestor.Length == 1
            ? SsicHierarchy.SectionOf(code) == ancestor[0] && code.Length > 1
            : code.Length > ancestor.Length && code.StartsWith(ancestor, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(wholesal\w*|retail\w*|trad(e|er|ers|ing)|distribut\w*|dealers?|shops?|stores?|suppliers?|resellers?|sales?)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex MentionsTrade();

    /// <summary>A reference row that matched a term.</summary>
    internal sealed record Candidate(int Ord, string Code, int Level, bool ExactTitle, bool TitleMatch, bool TextMatch, double Similarity, bool HeadMatch, long Leaves);

    private sealed record CachedTerm(string[] Codes, ResolvedHeading[] Headings, DateTimeOffset ExpiresAt);
}
