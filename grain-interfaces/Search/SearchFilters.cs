namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// The constraints understood in a chat message, typed; serialised in snake_case this is the <c>filters</c> object of
/// the answer and of the labelled evaluation set.
/// </summary>
/// <param name="Districts">Gets the two-digit postal districts ("01" to "28") the company's address must be in; empty for anywhere.</param>
/// <param name="Officers">Gets the inclusive range of the number of officers, or null for any.</param>
/// <param name="Incorporated">Gets the inclusive range of incorporation dates, or null for any.</param>
/// <param name="AgeYears">Gets the company's age in years: at least <c>min</c>, less than <c>max</c>; null for any.</param>
/// <param name="EntityTypes">Gets the entity types allowed (private_limited, llp, sole_proprietorship, partnership, foreign_company, public_company); empty for any.</param>
/// <param name="Statuses">Gets the statuses allowed (live, inactive); empty for any. Live by default.</param>
/// <param name="Exclude">Gets the industry phrases whose codes are taken out of the match.</param>
/// <param name="NotApplicable">Gets the constraints the registry cannot answer (employees, revenue, size).</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.SearchFilters")]
public sealed record SearchFilters(
    IReadOnlyList<string> Districts,
    NumberRange? Officers,
    DateRange? Incorporated,
    NumberRange? AgeYears,
    IReadOnlyList<string> EntityTypes,
    IReadOnlyList<string> Statuses,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> NotApplicable)
{
    /// <summary>Gets the filters of a message that states no constraint: live companies anywhere.</summary>
    public static SearchFilters Default { get; } = new([], null, null, null, [], ["live"], [], []);
}
