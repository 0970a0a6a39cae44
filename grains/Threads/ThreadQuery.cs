namespace IcpSearch.Grains.Threads;

/// <summary>
/// A thread's current query, kept in its values as <c>query</c> so a follow-up can change it.
/// </summary>
/// <param name="Industries">Gets the industry phrases searched for (normalised like search terms).</param>
/// <param name="Constraints">Gets the constraint phrases ("in jurong", "more than 20 officers", "not retail").</param>
/// <param name="Message">Gets the message that was searched: the user's own for a new query, the composed one for a follow-up.</param>
public sealed record ThreadQuery(IReadOnlyList<string> Industries, IReadOnlyList<string> Constraints, string Message);
