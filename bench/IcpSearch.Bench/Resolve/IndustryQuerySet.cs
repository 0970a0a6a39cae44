using System.Text.Json;
using System.Text.Json.Serialization;
using IcpSearch.Grains.Industries;
using IcpSearch.Grains.Search.Understanding;

namespace IcpSearch.Bench.Resolve;

/// <summary>
/// The labelled industry queries of <c>data/eval/industry-queries.json</c> and their scoring: precision and recall over
/// 5-digit codes, a heading in a label standing for every code under it. Shared by <c>bench/run.sh resolve</c> and the
/// quality floor test (linked into the test project).
/// </summary>
public static class IndustryQuerySet
{
    /// <summary>The file name, next to the running assembly (both projects copy it there).</summary>
    public const string FileName = "data/eval/industry-queries.json";

    /// <summary>Loads the labelled queries of <paramref name="file"/> (default: <see cref="FileName"/> beside the assembly).</summary>
    public static IReadOnlyList<IndustryQuery> Load(string? file = null)
    {
        var path = file ?? Path.Combine(AppContext.BaseDirectory, FileName);
        return JsonSerializer.Deserialize<List<IndustryQuery>>(File.ReadAllText(path), JsonOptions)
            ?? throw new InvalidDataException($"{path} holds no queries.");
    }

    /// <summary>The message → industry phrases step, as the chat reads it.</summary>
    public static IReadOnlyList<string> PhrasesOf(string message) => MessageParser.Parse(message).Industries;

    /// <summary>Resolves every query and scores it against its labels.</summary>
    public static async Task<IReadOnlyList<QueryScore>> ScoreAsync(IIndustryResolver resolver, IReadOnlyList<IndustryQuery> queries, IReadOnlyList<string> leaves)
    {
        var scores = new List<QueryScore>(queries.Count);
        foreach (var query in queries)
        {
            // As the chat does: the parser's industry phrases, resolved, less the codes its exclusions take out.
            var parsed = MessageParser.Parse(query.Query);
            var phrases = parsed.Industries;
            var resolved = phrases.Count == 0 ? new ResolvedIndustries([], [], []) : await resolver.ResolveAsync(phrases);
            var excluded = await IndustryExclusions.ExcludedCodesAsync(resolver, phrases, parsed.Filters.Exclude, resolved.Codes);
            if (excluded.Count > 0)
            {
                resolved = resolved with { Codes = [.. resolved.Codes.Where(c => !excluded.Contains(c))] };
            }

            scores.Add(Score(query, phrases, resolved, leaves));
        }

        return scores;
    }

    /// <summary>Scores one resolution: recall against <c>must</c>, precision against <c>must</c> ∪ <c>may</c>.</summary>
    public static QueryScore Score(IndustryQuery query, IReadOnlyList<string> phrases, ResolvedIndustries resolved, IReadOnlyList<string> leaves)
    {
        var must = Expand(query.Must, leaves);
        var allowed = Expand(query.Must.Concat(query.May), leaves);
        var codes = resolved.Codes.ToHashSet(StringComparer.Ordinal);
        var recall = must.Count == 0 ? 1.0 : (double)must.Count(codes.Contains) / must.Count;
        var precision = codes.Count == 0 ? (must.Count == 0 ? 1.0 : 0.0) : (double)codes.Count(allowed.Contains) / codes.Count;
        return new QueryScore(query, phrases, resolved, recall, precision);
    }

    /// <summary>Returns the 5-digit codes of a label list: a section letter or code prefix means every code under it.</summary>
    public static HashSet<string> Expand(IEnumerable<string> labels, IReadOnlyList<string> leaves)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            result.UnionWith(label.Length == 1
                ? leaves.Where(c => SsicHierarchy.SectionOf(c) == label[0])
                : leaves.Where(c => c.StartsWith(label, StringComparison.Ordinal)));
        }

        return result;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
