namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// A tenant's ideal customer profile, the yardstick every lead score is measured against.
/// </summary>
/// <param name="TargetSsicCodes">Gets the target industries as SSIC section letters, division, group or class prefixes, or 5-digit codes; empty means "the industries searched for".</param>
/// <param name="MinAgeYears">Gets the youngest company age in years that fits, or null for no lower bound.</param>
/// <param name="MaxAgeYears">Gets the oldest company age in years that fits, or null for no upper bound.</param>
/// <param name="EntityTypes">Gets the entity types that fit (e.g. "Local Company"); empty means any.</param>
/// <param name="Statuses">Gets the entity statuses that fit (e.g. "Live Company"); empty means live entities.</param>
/// <param name="MinOfficers">Gets the smallest number of officers (a size proxy) that fits, or null.</param>
/// <param name="MaxOfficers">Gets the largest number of officers that fits, or null.</param>
/// <param name="Districts">Gets the two-digit postal districts ("01" to "28") that fit; empty means any.</param>
/// <param name="Weights">Gets how much each factor counts; null (a profile saved before weights existed) means <see cref="IcpWeights.Default"/>.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.IcpProfile")]
public sealed record IcpProfile(
    IReadOnlyList<string> TargetSsicCodes,
    int? MinAgeYears,
    int? MaxAgeYears,
    IReadOnlyList<string> EntityTypes,
    IReadOnlyList<string> Statuses,
    int? MinOfficers,
    int? MaxOfficers,
    IReadOnlyList<string>? Districts = null,
    IcpWeights? Weights = null)
{
    /// <summary>Gets the profile a tenant starts with: searched industries, any age, type, size and district, live entities.</summary>
    public static IcpProfile Default { get; } = new([], null, null, [], [], null, null, [], IcpWeights.Default);

    // Methods, not properties: grain storage serialises properties, and a second reference to the same list or
    // weights makes its JSON unreadable (preserved references cannot feed a constructor).

    /// <summary>Returns the districts, empty when none were given.</summary>
    public IReadOnlyList<string> GetDistricts() => Districts ?? [];

    /// <summary>Returns the weights, the defaults when none were given.</summary>
    public IcpWeights GetWeights() => Weights ?? IcpWeights.Default;
}
