using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// A turn turned into a search: the query it leads to, the request to send (null when nothing is left to search)
/// and what changed, in words.
/// </summary>
/// <param name="Turn">Gets the classified message.</param>
/// <param name="Query">Gets the thread's query after the turn; the request searches exactly this.</param>
/// <param name="Request">Gets the search to run, or null when a follow-up left the query with no industry.</param>
/// <param name="Change">Gets what the turn changed, for the answer ("Dropped retail."), or null for a new query.</param>
public sealed record ComposedQuery(FollowUp Turn, ThreadQuery Query, SearchRequest? Request, string? Change);
