using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Search.Understanding;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// Turns a message of a thread into the thread's next query and the search for it. A new query is what the message
/// parser understands in the message (the same understanding as <c>POST /chat</c>); a follow-up changes the previous
/// query: industries added or dropped, exclusions added, typed filters replaced kind by kind. The search carries the
/// query itself (<see cref="SearchRequest.Query"/>), so what is searched is exactly what the thread keeps.
/// </summary>
public static class QueryComposer
{
    /// <summary>The most industries a composed query keeps (the search accepts 20 phrases).</summary>
    public const int MaxIndustries = 20;

    /// <summary>Composes the query for <paramref name="text"/> after <paramref name="previous"/> (null on a thread's first search).</summary>
    public static ComposedQuery Compose(ThreadQuery? previous, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var turn = FollowUpClassifier.Classify(text);
        if (turn.Kind == FollowUpKind.New || previous is null)
        {
            var parsed = MessageParser.Parse(text);
            var query = new ThreadQuery(parsed.Industries, parsed.Filters, [.. parsed.Constraints.Select(Constraint)]);
            return new ComposedQuery(FollowUp.NewQuery, query, new SearchRequest(text, null, query.ToSearchQuery()), null);
        }

        var (next, change) = turn.Kind switch
        {
            FollowUpKind.Add => Add(previous, turn.Phrases),
            FollowUpKind.Drop => Drop(previous, turn.Phrases),
            _ => Restrict(previous, text),
        };
        next = next with { Industries = [.. next.Industries.Take(MaxIndustries)] };
        var request = next.Industries.Count == 0 ? null : new SearchRequest(text, null, next.ToSearchQuery());
        return new ComposedQuery(turn, next, request, change);
    }

    private static (ThreadQuery Query, string Change) Add(ThreadQuery previous, IReadOnlyList<string> phrases)
    {
        var added = phrases.Where(p => !previous.Industries.Contains(p)).ToList();
        var exclude = previous.Filters.Exclude.Where(e => !phrases.Contains(e)).ToList();
        var query = WithExclude(previous with { Industries = [.. previous.Industries, .. added] }, exclude);
        return (query, added.Count > 0
            ? $"Added {List(added)} to the previous query."
            : $"{List(phrases)} {(phrases.Count == 1 ? "was" : "were")} already in the query.");
    }

    private static (ThreadQuery Query, string Change) Drop(ThreadQuery previous, IReadOnlyList<string> phrases)
    {
        var removed = phrases.Where(previous.Industries.Contains).ToList();

        // What is not one of the industries becomes an exclusion: its codes come out of the match.
        var excluded = phrases.Except(removed).Where(p => !previous.Filters.Exclude.Contains(p)).ToList();
        var query = WithExclude(previous with { Industries = [.. previous.Industries.Except(removed)] }, [.. previous.Filters.Exclude, .. excluded]);
        return (query, (removed.Count, excluded.Count) switch
        {
            (> 0, 0) => $"Dropped {List(removed)} from the previous query.",
            (0, _) => $"Excluded {List(phrases)}.",
            _ => $"Dropped {List(removed)} and excluded {List(excluded)}.",
        });
    }

    // The follow-up is parsed like any message; each kind of filter it states replaces that kind in the query.
    private static (ThreadQuery Query, string Change) Restrict(ThreadQuery previous, string text)
    {
        var parsed = MessageParser.Parse(text);
        var kinds = FilterKinds.Of(parsed.Filters);
        if (kinds.Count == 0)
        {
            return (previous, $"I could not read a constraint in \"{text.Trim()}\", so the previous query is searched again.");
        }

        var kept = previous.Constraints.Where(c => !c.Kinds.Intersect(kinds).Any());
        var stated = parsed.Constraints.Select(w => Constraint(w) is { Kinds.Count: > 0 } c ? c : new QueryConstraint(kinds, w));
        var query = previous with
        {
            Filters = FilterKinds.Take(previous.Filters, parsed.Filters, kinds),
            Constraints = [.. kept, .. stated],
        };
        return (query, $"Restricted the previous query: {string.Join(", ", parsed.Constraints)}.");
    }

    // Exclusions read as the parser labels them: one "except a, b" constraint.
    private static ThreadQuery WithExclude(ThreadQuery query, IReadOnlyList<string> exclude)
    {
        var constraints = query.Constraints.Where(c => !c.Kinds.Contains(FilterKinds.Exclude)).ToList();
        if (exclude.Count > 0)
        {
            constraints.Add(new QueryConstraint([FilterKinds.Exclude], "except " + string.Join(", ", exclude)));
        }

        return query with { Filters = query.Filters with { Exclude = exclude }, Constraints = constraints };
    }

    private static QueryConstraint Constraint(string words) => new(FilterKinds.OfWords(words), words);

    private static string List(IReadOnlyList<string> phrases) => string.Join(", ", phrases.Select(p => $"*{p}*"));
}
