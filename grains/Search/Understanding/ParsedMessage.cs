using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Search.Understanding;

/// <summary>
/// A chat message taken apart: the industry phrases for the resolver, the typed constraints, and what was not understood.
/// </summary>
/// <param name="Industries">Gets the industry phrases, lower case, in order of appearance, at most <see cref="MessageParser.MaxPhrases"/>.</param>
/// <param name="Filters">Gets the typed constraints (exclusions as phrases, to be resolved and taken out).</param>
/// <param name="Constraints">Gets each constraint in words, in order of appearance ("Jurong (D22)", "more than 20 officers").</param>
/// <param name="Unmatched">Gets the words the parser could not place; never searched for.</param>
public sealed record ParsedMessage(
    IReadOnlyList<string> Industries,
    SearchFilters Filters,
    IReadOnlyList<string> Constraints,
    IReadOnlyList<string> Unmatched);
