using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// Applies a follow-up to the thread's current query and builds the search for it: industries as explicit terms (so
/// "drop retail" narrows now), constraint phrases appended to a composed message (for a parser that reads them).
/// The one place that decides what a refined query sends to <see cref="ITenantSearchGrain.SearchAsync"/>.
/// </summary>
public static class QueryComposer
{
    /// <summary>The most industries a composed query keeps (the search accepts 20 explicit terms).</summary>
    public const int MaxIndustries = 20;

    /// <summary>The most constraint phrases a composed query keeps.</summary>
    public const int MaxConstraints = 10;

    /// <summary>Composes the query for <paramref name="text"/> after <paramref name="previous"/> (null on a thread's first search).</summary>
    public static ComposedQuery Compose(ThreadQuery? previous, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var turn = FollowUpClassifier.Classify(text);
        if (turn.Kind == FollowUpKind.New || previous is null || previous.Industries.Count == 0)
        {
            return new ComposedQuery(FollowUp.NewQuery, new ThreadQuery([], [], text), new SearchRequest(text), null);
        }

        var industries = previous.Industries.ToList();
        var constraints = previous.Constraints.ToList();
        string change;
        switch (turn.Kind)
        {
            case FollowUpKind.Add:
                var added = turn.Phrases.Where(p => !industries.Contains(p)).ToList();
                industries.AddRange(added);
                constraints.RemoveAll(c => added.Contains(ExcludedOf(c)));
                change = added.Count > 0 ? $"Added {List(added)} to the previous query." : $"{List(turn.Phrases)} {(turn.Phrases.Count == 1 ? "was" : "were")} already in the query.";
                break;
            case FollowUpKind.Drop:
                var removed = turn.Phrases.Where(industries.Contains).ToList();
                industries.RemoveAll(removed.Contains);
                // What is not one of the industries becomes an exclusion for the search to apply.
                var excluded = turn.Phrases.Except(removed).Select(p => "not " + p).Where(c => !constraints.Contains(c)).ToList();
                constraints.AddRange(excluded);
                change = (removed.Count, excluded.Count) switch
                {
                    (> 0, 0) => $"Dropped {List(removed)} from the previous query.",
                    (0, _) => $"Excluded {List(turn.Phrases)}.",
                    _ => $"Dropped {List(removed)} and excluded {List(excluded.Select(ExcludedOf).ToList())}.",
                };
                break;
            default:
                var phrase = turn.Phrases[0];
                var kind = FollowUpClassifier.ConstraintKind(phrase);
                constraints.RemoveAll(c => FollowUpClassifier.ConstraintKind(c) == kind);
                constraints.Add(phrase);
                change = $"Restricted the previous query: {phrase}.";
                break;
        }

        industries = industries.Take(MaxIndustries).ToList();
        constraints = constraints.TakeLast(MaxConstraints).ToList();
        var message = ComposeMessage(industries, constraints);
        var request = industries.Count == 0 ? null : new SearchRequest(message, industries);
        return new ComposedQuery(turn, new ThreadQuery(industries, constraints, message), request, change);
    }

    /// <summary>Returns the query to keep after the search: a new query takes its industries from the terms the search understood.</summary>
    public static ThreadQuery Understood(ComposedQuery composed, SearchResult? result)
    {
        ArgumentNullException.ThrowIfNull(composed);
        return composed.Turn.Kind == FollowUpKind.New && result is not null
            ? composed.Query with { Industries = result.Terms.Take(MaxIndustries).ToList() }
            : composed.Query;
    }

    /// <summary>Returns the message a composed query searches with: "manufacturing, logistics in jurong, more than 20 officers".</summary>
    public static string ComposeMessage(IReadOnlyList<string> industries, IReadOnlyList<string> constraints)
    {
        ArgumentNullException.ThrowIfNull(industries);
        ArgumentNullException.ThrowIfNull(constraints);
        var head = string.Join(", ", industries);
        return constraints.Count == 0 ? head : $"{head} {string.Join(", ", constraints)}";
    }

    private static string ExcludedOf(string constraint) => constraint.StartsWith("not ", StringComparison.Ordinal) ? constraint[4..] : "";

    private static string List(IReadOnlyList<string> phrases) => string.Join(", ", phrases.Select(p => $"*{p}*"));
}
