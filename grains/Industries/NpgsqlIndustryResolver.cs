using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// <see cref="IIndustryResolver"/> over <c>ssic_ref</c>: a curated alias lexicon, PostgreSQL full-text search on
/// titles, sentence-embedding similarity of the term to every title, pg_trgm similarity for misspellings, and the
/// SSIC hierarchy to expand headings into their 5-digit codes.
/// </summary>
/// <remarks>
/// Per term, the first of these that gives an answer:
/// <list type="number">
/// <item><b>alias</b>: the lexicon names the headings an SDR means ("F&amp;B", "law firms", "logistics"); a word that
/// is no industry ("SMEs", "startups") resolves to nothing.</item>
/// <item><b>title</b>: a section or division whose title is exactly the term means all of it ("manufacturing").</item>
/// <item><b>words</b> and <b>meaning</b>, fused: every row whose title holds all the term's words, and every row whose
/// title is close in meaning (cosine at least the model's floor and within its margin of the best). Rows found both
/// ways rank first (reciprocal-rank fusion); a meaning-only row must also clear the fusion threshold.</item>
/// <item><b>similar_spelling</b>: the most similar title (trigram) when it is close enough.</item>
/// </list>
/// A matched heading stands for all its codes when more than half of them match too, or when none of its codes is
/// closer to the term than the heading itself; otherwise it gives way to its matching codes. Trade codes (section G)
/// are dropped unless the term speaks of trade or nothing else matched. A term that heads a section or division
/// title ("printing") keeps only the matches under it. Resolutions are cached per reference version and import, so a
/// new <c>import ssic</c> takes effect on the next search.
/// </remarks>
public sealed partial class NpgsqlIndustryResolver(NpgsqlDataSource dataSource, NpgsqlSsicReferenceStore references) : IIndustryResolver
{
    private const double MinSimilarity = 0.45;
    private const int CacheLimit = 10_000;

    // Reciprocal-rank fusion: k dampens the lead of the very first ranks; a row must reach Threshold (a top-3
    // meaning rank alone, or a lower meaning rank confirmed by words or spelling).
    private const double FusionK = 10;
    private const double FusionThreshold = 1.0 / (FusionK + 3);
    private const int MeaningDepth = 40;

    private const string CandidatesSql = """
        WITH t AS (
            SELECT u.term, u.ord::int AS ord, plainto_tsquery('english', u.term) AS q,
                   tsvector_to_array(to_tsvector('english', u.term)) AS lex,
                   (SELECT x.lexeme FROM unnest(to_tsvector('english', u.term)) x ORDER BY x.positions[1] LIMIT 1) AS head
            FROM unnest(@terms::text[]) WITH ORDINALITY AS u(term, ord)
        )
        SELECT t.ord, r.code,
               cardinality(t.lex) > 0 AND tsvector_to_array(to_tsvector('english', translate(r.title, '/', ' '))) = t.lex AS exact_title,
               numnode(t.q) > 0 AND to_tsvector('english', translate(r.title, '/', ' ')) @@ t.q AS title_match,
               numnode(t.q) > 0 AND r.search_tsv @@ t.q AS text_match,
               similarity(lower(r.title), t.term) AS sim,
               t.head IS NOT NULL AND t.head = (SELECT x.lexeme FROM unnest(to_tsvector('english', translate(r.title, '/', ' '))) x
                                                ORDER BY x.positions[1] LIMIT 1) AS head_match,
               CASE WHEN numnode(t.q) > 0 THEN ts_rank(r.search_tsv, t.q) ELSE 0 END AS rank
        FROM t
        JOIN ssic_ref r ON r.version = @version
        WHERE (numnode(t.q) > 0 AND r.search_tsv @@ t.q) OR lower(r.title) % t.term
        """;

    private readonly ConcurrentDictionary<(string Reference, string Term), ResolvedHeading[]> _cache = new();

    /// <inheritdoc />
    public async Task<ResolvedIndustries> ResolveAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken = default)
    {
        var reference = await references.GetCurrentAsync(cancellationToken);
        if (reference is null)
        {
            return new ResolvedIndustries([], terms.Distinct(StringComparer.Ordinal).ToList(), []);
        }

        var resolved = new Dictionary<string, ResolvedHeading[]>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            if (_cache.TryGetValue((reference.Key, term), out var cached))
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
            foreach (var (term, headings) in await ResolveUncachedAsync(reference, missing, cancellationToken))
            {
                resolved[term] = headings;
                if (_cache.Count >= CacheLimit)
                {
                    _cache.Clear();
                }

                _cache[(reference.Key, term)] = headings;
            }
        }

        var ordered = terms.Distinct(StringComparer.Ordinal).ToList();
        var codes = ordered.SelectMany(t => resolved[t]).SelectMany(h => reference.LeavesOf(h.Code))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var unresolved = ordered.Where(t => resolved[t].Length == 0).ToList();
        return new ResolvedIndustries(codes, unresolved, ordered.SelectMany(t => resolved[t]).ToList());
    }

    private async Task<List<(string Term, ResolvedHeading[] Headings)>> ResolveUncachedAsync(SsicReference reference, List<string> given, CancellationToken cancellationToken)
    {
        // A term with misspelt words is also tried as corrected; the correction counts only when the term itself
        // finds nothing by alias, title or words and the corrected one does, or the corrected one is an alias.
        var corrected = given.Select(t => IndustryAliases.TryGet(t, out _) ? null : reference.Spelling.Correct(t)).ToList();
        var terms = given.Concat(corrected.OfType<string>()).Distinct(StringComparer.Ordinal).ToList();
        var candidates = new List<Candidate>();
        await using (var command = dataSource.CreateCommand(CandidatesSql))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("terms", terms.ToArray()));
            command.Parameters.AddWithValue("version", reference.Key[..reference.Key.LastIndexOf('@')]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var code = reader.GetString(1);
                candidates.Add(new Candidate(
                    Ord: reader.GetInt32(0) - 1,
                    Code: code,
                    Level: SsicHierarchy.LevelOf(code),
                    ExactTitle: reader.GetBoolean(2),
                    TitleMatch: reader.GetBoolean(3),
                    TextMatch: reader.GetBoolean(4),
                    Similarity: reader.GetFloat(5),
                    HeadMatch: reader.GetBoolean(6),
                    Rank: reader.GetFloat(7)));
            }
        }

        // Only terms that need it are embedded: an alias or a title answers without the model. Both models read
        // English only: a term with no Latin letter ("شركات الخدمات اللوجستية") embeds as noise that lands near some
        // title (Education), so it is matched by words and spelling alone. So is a term none of whose words is a word
        // of the titles or the lexicon ("manfactrng", "cnstrctn"): such noise lands on the same attractors.
        var needMeaning = terms.Where(t => !IndustryAliases.TryGet(t, out _) && t.Any(char.IsAsciiLetter) && reference.Spelling.KnowsAnyWord(t))
            .Distinct(StringComparer.Ordinal).ToList();
        var vectors = needMeaning.Count == 0 ? [] : references.Embedder.Embed(needMeaning, cancellationToken);
        var similarities = needMeaning.Zip(vectors).ToDictionary(x => x.First, x => reference.Similarities(x.Second), StringComparer.Ordinal);

        var tuning = MeaningTuning.For(references.Embedder.Model);
        List<(string Code, string MatchedBy)> ChooseFor(string term)
        {
            var ord = terms.IndexOf(term);
            return Choose(term, candidates.Where(c => c.Ord == ord).ToList(), similarities.GetValueOrDefault(term), reference, tuning);
        }

        return given.Select((term, i) =>
        {
            var chosen = ChooseFor(term);
            // A corrected word that makes the term an alias wins even over a stemmed word match ("accountting").
            if (corrected[i] is { } fixedTerm && (IndustryAliases.TryGet(fixedTerm, out _) || !chosen.Any(c => c.MatchedBy is "alias" or "title" or "words")))
            {
                var alternative = ChooseFor(fixedTerm);
                if (alternative.Any(c => c.MatchedBy is "alias" or "title" or "words"))
                {
                    chosen = alternative.Where(c => c.MatchedBy is "alias" or "title" or "words").Select(c => (c.Code, "similar_spelling")).ToList();
                }
            }

            return (term, Describe(term, chosen, reference));
        }).ToList();
    }

    /// <summary>Chooses the headings a term stands for (see the class remarks), each with how it was found.</summary>
    internal static List<(string Code, string MatchedBy)> Choose(string term, IReadOnlyList<Candidate> candidates, float[]? similarities, SsicReference reference, MeaningTuning tuning)
    {
        if (IndustryAliases.TryGet(term, out var alias))
        {
            return alias.Select(h => (h, "alias")).ToList();
        }

        var named = candidates.Where(c => c.Level <= 2 && c.ExactTitle).ToList();
        if (named.Count > 0)
        {
            var broadest = named.Min(c => c.Level);
            return named.Where(c => c.Level == broadest).Select(c => (c.Code, "title")).Distinct().ToList();
        }

        var trade = MentionsTrade().IsMatch(term);
        var words = ChooseByWords(candidates, trade, out var modifiedBy);
        var meaning = similarities is null ? [] : ChooseByMeaning(similarities, reference, tuning, trade);

        // Reciprocal-rank fusion of the two rankings; spelling adds a vote for rows it finds close.
        var fused = new Dictionary<string, (double Score, bool Words, bool Meaning)>(StringComparer.Ordinal);
        foreach (var (code, rank) in words.Select((c, r) => (c, r)))
        {
            fused[code] = (1.0 / (FusionK + rank + 1), true, false);
        }

        foreach (var (code, rank) in meaning.Select((c, r) => (c, r)))
        {
            var (score, w, _) = fused.GetValueOrDefault(code);
            fused[code] = (score + 1.0 / (FusionK + rank + 1), w, true);
        }

        // A row found by meaning alone must clear the fusion threshold and be at least as close in meaning as the
        // closest row found by words; a heading found by meaning alone must be the closest row of all, and words
        // must have found nothing, since it stands for every code under it. A row where the term's words are only
        // a modifier stays out.
        var closestByWords = similarities is null || words.Count == 0 ? float.MinValue
            : words.Max(c => reference.ByCode.TryGetValue(c, out var i) ? similarities[i] : float.MinValue);
        var chosen = fused
            .Where(f => f.Value.Words
                || (!modifiedBy.Contains(f.Key)
                    && (f.Value.Score >= FusionThreshold || words.Count == 0)
                    && Similarity(f.Key) >= closestByWords
                    && (f.Key.Length == 5 || (words.Count == 0 && f.Key == meaning[0]))))
            .OrderByDescending(f => f.Value.Score)
            .Select(f => (f.Key, f.Value.Words ? "words" : "meaning"))
            .ToList();
        chosen = RollUp(chosen, reference, similarities);

        float Similarity(string code) => similarities is not null && reference.ByCode.TryGetValue(code, out var i) ? similarities[i] : float.MinValue;
        if (chosen.Count > 0)
        {
            return chosen;
        }

        var closest = candidates
            .Where(c => c.Similarity >= MinSimilarity)
            .OrderByDescending(c => c.Similarity)
            .ThenBy(c => c.Level)
            .FirstOrDefault();
        return closest is null ? [] : [(closest.Code, "similar_spelling")];
    }

    // Every row whose title holds all the term's words, best-ranked first; sections and divisions count only by
    // title. A term that heads titles ("plumbing" in "Plumbing, heating and air-conditioning works") keeps only
    // those and what is under them: elsewhere ("manufacture of plumbing fixtures") it is a modifier.
    private static List<string> ChooseByWords(IReadOnlyList<Candidate> candidates, bool trade, out HashSet<string> rejected)
    {
        var matched = candidates.Where(c => c.Level <= 2 ? c.TitleMatch : c.TextMatch).ToList();
        if (!trade)
        {
            var nonTrade = matched.Where(c => SsicHierarchy.SectionOf(c.Code) != 'G').ToList();
            if (nonTrade.Count > 0)
            {
                matched = nonTrade;
            }
        }

        var headed = matched.Where(h => h.HeadMatch && h.TitleMatch).ToList();
        var kept = headed.Count == 0 ? matched : matched.Where(c => headed.Any(h => h.Code == c.Code || IsDescendant(c.Code, h.Code))).ToList();
        rejected = matched.Except(kept).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        return kept.OrderBy(c => c.Level).ThenByDescending(c => c.Rank).Select(c => c.Code).ToList();
    }

    // The rows closest in meaning: at least the model's floor, within its margin of the best, at most MeaningDepth.
    private static List<string> ChooseByMeaning(float[] similarities, SsicReference reference, MeaningTuning tuning, bool trade)
    {
        var order = Enumerable.Range(0, similarities.Length)
            .Where(i => trade || SsicHierarchy.SectionOf(reference.Rows[i].Code) != 'G')
            .OrderByDescending(i => similarities[i])
            .Take(MeaningDepth)
            .ToList();
        if (order.Count == 0 || similarities[order[0]] < tuning.Floor)
        {
            return [];
        }

        var best = similarities[order[0]];
        return order.Where(i => similarities[i] >= tuning.Floor && similarities[i] >= best - tuning.Margin)
            .Select(i => reference.Rows[i].Code)
            .ToList();
    }

    // A heading stands for all its codes when more than half of them were chosen too, or when none of its codes is
    // closer in meaning than the heading itself; otherwise it gives way to its chosen codes. Codes a chosen heading
    // covers are not listed again.
    private static List<(string Code, string MatchedBy)> RollUp(List<(string Code, string MatchedBy)> chosen, SsicReference reference, float[]? similarities)
    {
        var leaves = chosen.Where(c => c.Code.Length == 5).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var headings = new List<(string Code, string MatchedBy)>();
        foreach (var (code, by) in chosen.Where(c => c.Code.Length < 5))
        {
            var under = reference.LeavesOf(code);
            var chosenUnder = under.Count(leaves.Contains);
            var standsForAll = chosenUnder == 0 || chosenUnder * 2 > under.Count;
            if (!standsForAll && similarities is not null && reference.ByCode.TryGetValue(code, out var hi))
            {
                standsForAll = under.All(c => !reference.ByCode.TryGetValue(c, out var ci) || similarities[ci] <= similarities[hi]);
            }

            if (standsForAll)
            {
                headings.Add((code, by));
            }
        }

        // Broadest first, so a division inside a chosen section is dropped.
        var kept = new List<(string Code, string MatchedBy)>();
        foreach (var heading in headings.OrderBy(h => SsicHierarchy.LevelOf(h.Code)))
        {
            if (!kept.Any(k => IsDescendant(heading.Code, k.Code)))
            {
                kept.Add(heading);
            }
        }

        foreach (var leaf in chosen.Where(c => c.Code.Length == 5))
        {
            if (!kept.Any(k => IsDescendant(leaf.Code, k.Code)))
            {
                kept.Add(leaf);
            }
        }

        return kept;
    }

    // Headings as the API shows them: a group or class the reference has no title for is listed as its codes.
    private static ResolvedHeading[] Describe(string term, List<(string Code, string MatchedBy)> chosen, SsicReference reference)
    {
        var result = new List<ResolvedHeading>();
        foreach (var (code, by) in chosen)
        {
            var leaves = reference.LeavesOf(code);
            if (reference.TitleOf(code) is { } title)
            {
                if (leaves.Count > 0)
                {
                    result.Add(new ResolvedHeading(term, code, title, LevelName(code), by, leaves.Count));
                }
            }
            else
            {
                result.AddRange(leaves.Select(c => new ResolvedHeading(term, c, reference.TitleOf(c)!, LevelName(c), by, 1)));
            }
        }

        return result.DistinctBy(h => h.Code).ToArray();
    }

    private static string LevelName(string code) => SsicHierarchy.LevelOf(code) switch
    {
        1 => "section",
        2 => "division",
        3 => "group",
        4 => "class",
        _ => "subclass",
    };

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

    [GeneratedRegex(@"\b(wholesal\w*|retail\w*|trad(e|er|ers|ing)|distribut\w*|dealers?|shops?|stores?|suppliers?|resellers?|sales?|sell\w*)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex MentionsTrade();

    /// <summary>A reference row that matched a term by words or spelling.</summary>
    internal sealed record Candidate(int Ord, string Code, int Level, bool ExactTitle, bool TitleMatch, bool TextMatch, double Similarity, bool HeadMatch, double Rank);
}
