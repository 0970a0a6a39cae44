namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// A query already taken apart: what the message parser makes of a chat message, or a thread's current query after
/// follow-ups changed it. Searched as it is, without parsing a message again.
/// </summary>
/// <param name="Industries">Gets the industry phrases to resolve to SSIC headings, lower case.</param>
/// <param name="Filters">Gets the typed constraints, exclusions included.</param>
/// <param name="Constraints">Gets each constraint in words, for the notice ("Jurong (D22)", "more than 20 officers").</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.SearchQuery")]
public sealed record SearchQuery(IReadOnlyList<string> Industries, SearchFilters Filters, IReadOnlyList<string> Constraints);
