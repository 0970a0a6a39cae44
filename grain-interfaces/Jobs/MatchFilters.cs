namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// The row filters of a <see cref="MatchSpec"/>, beyond its codes: every bound is inclusive, and an empty list or a
/// null bound does not filter.
/// </summary>
/// <param name="Districts">Gets the two-digit postal districts ("01" to "28") of the row's postal code.</param>
/// <param name="MinOfficers">Gets the fewest officers, or null.</param>
/// <param name="MaxOfficers">Gets the most officers, or null.</param>
/// <param name="IncorporatedFrom">Gets the earliest incorporation date, or null.</param>
/// <param name="IncorporatedTo">Gets the latest incorporation date, or null.</param>
/// <param name="EntityTypes">Gets the entity types (private_limited, llp, sole_proprietorship, partnership, foreign_company, public_company).</param>
/// <param name="LiveOnly">Gets whether only live entities match (null or false: any status).</param>
/// <param name="InactiveOnly">Gets whether only entities that are no longer live match.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.MatchFilters")]
public sealed record MatchFilters(
    IReadOnlyList<string> Districts,
    int? MinOfficers,
    int? MaxOfficers,
    DateOnly? IncorporatedFrom,
    DateOnly? IncorporatedTo,
    IReadOnlyList<string> EntityTypes,
    bool LiveOnly,
    bool InactiveOnly)
{
    /// <summary>Gets filters that let every row through.</summary>
    public static MatchFilters None { get; } = new([], null, null, null, null, [], false, false);

    /// <summary>Gets whether these filters let every row through.</summary>
    public bool IsNone => Districts.Count == 0 && MinOfficers is null && MaxOfficers is null && IncorporatedFrom is null
        && IncorporatedTo is null && EntityTypes.Count == 0 && !LiveOnly && !InactiveOnly;
}
