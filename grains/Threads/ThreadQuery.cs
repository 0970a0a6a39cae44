using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// A thread's current query, kept in its values as <c>query</c> so a follow-up can change it: what the message parser
/// understood in the first message, changed turn by turn. A run searches exactly this (see <see cref="ToSearchQuery"/>).
/// </summary>
/// <param name="Industries">Gets the industry phrases, as the message parser yields them.</param>
/// <param name="Filters">Gets the typed constraints, exclusions included (<see cref="SearchFilters.Exclude"/>).</param>
/// <param name="Constraints">Gets each constraint in words with the filters it states, so a newer one of a kind replaces the older.</param>
public sealed record ThreadQuery(IReadOnlyList<string> Industries, SearchFilters Filters, IReadOnlyList<QueryConstraint> Constraints)
{
    /// <summary>Returns the query as the search takes it.</summary>
    public SearchQuery ToSearchQuery() => new(Industries, Filters, [.. Constraints.Select(c => c.Words)]);
}
