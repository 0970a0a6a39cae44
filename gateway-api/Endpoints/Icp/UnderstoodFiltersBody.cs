using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Gateway.Endpoints.Icp;

/// <summary>The <c>understood.filters</c> of a chat answer; omitted lists are empty, omitted statuses mean ["live"].</summary>
/// <param name="Districts">Two-digit postal districts.</param>
/// <param name="Officers">The officers range, inclusive.</param>
/// <param name="Incorporated">The incorporation date range, inclusive; converted to an age band in whole years.</param>
/// <param name="AgeYears">The age range: at least min, less than max years old.</param>
/// <param name="EntityTypes">Filter codes: private_limited, llp, sole_proprietorship, partnership, foreign_company, public_company.</param>
/// <param name="Statuses">live, inactive; empty for any status.</param>
/// <param name="Exclude">Excluded industry phrases; a profile cannot hold them (listed in not_carried).</param>
/// <param name="NotApplicable">Constraints the registry cannot answer (listed in not_carried).</param>
public sealed record UnderstoodFiltersBody(
    IReadOnlyList<string>? Districts,
    NumberRange? Officers,
    DateRange? Incorporated,
    NumberRange? AgeYears,
    IReadOnlyList<string>? EntityTypes,
    IReadOnlyList<string>? Statuses,
    IReadOnlyList<string>? Exclude,
    IReadOnlyList<string>? NotApplicable);
