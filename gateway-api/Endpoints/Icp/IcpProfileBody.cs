using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Gateway.Endpoints.Icp;

/// <summary>An ICP profile; omitted lists mean "any" (statuses: live entities), omitted bounds mean none, omitted weights the defaults.</summary>
/// <param name="TargetSsicCodes">SSIC section letters or 2- to 5-digit codes, e.g. ["C", "62011"].</param>
/// <param name="MinAgeYears">The youngest company age that fits, 0-200.</param>
/// <param name="MaxAgeYears">The oldest company age that fits, 0-200.</param>
/// <param name="EntityTypes">Entity types that fit, e.g. "Local Company".</param>
/// <param name="Statuses">Entity statuses that fit, e.g. "Live Company".</param>
/// <param name="MinOfficers">The fewest officers that fit, 0-100,000.</param>
/// <param name="MaxOfficers">The most officers that fit, 0-100,000.</param>
/// <param name="Districts">Postal districts that fit, "01" to "28" ("9" and "D09" are accepted).</param>
/// <param name="Weights">How much each factor counts, 0-100 each (relative; at least one above 0).</param>
public sealed record IcpProfileBody(
    IReadOnlyList<string>? TargetSsicCodes,
    int? MinAgeYears,
    int? MaxAgeYears,
    IReadOnlyList<string>? EntityTypes,
    IReadOnlyList<string>? Statuses,
    int? MinOfficers,
    int? MaxOfficers,
    IReadOnlyList<string>? Districts = null,
    IcpWeightsBody? Weights = null)
{
    public static IcpProfileBody From(IcpProfile p)
        => new(p.TargetSsicCodes, p.MinAgeYears, p.MaxAgeYears, p.EntityTypes, p.Statuses, p.MinOfficers, p.MaxOfficers, p.GetDistricts(), IcpWeightsBody.From(p.GetWeights()));

    public IcpProfile ToProfile()
        => new(TargetSsicCodes ?? [], MinAgeYears, MaxAgeYears, EntityTypes ?? [], Statuses ?? [], MinOfficers, MaxOfficers, Districts ?? [], Weights?.ToWeights() ?? IcpWeights.Default);
}
