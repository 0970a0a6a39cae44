using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Gateway.Endpoints.Icp;

/// <summary>The <c>understood</c> object of a chat answer, as POST /chat returned it; only industries and filters are read.</summary>
/// <param name="Industries">The SSIC headings the message named; each one's code becomes a target industry.</param>
/// <param name="SsicCodes">Every 5-digit code matched; not read (the headings are the profile's targets).</param>
/// <param name="Filters">The typed constraints; omitted means none (live companies anywhere).</param>
/// <param name="Unmatched">The words not understood; not read.</param>
public sealed record UnderstoodBody(
    IReadOnlyList<UnderstoodIndustryBody>? Industries,
    IReadOnlyList<string>? SsicCodes,
    UnderstoodFiltersBody? Filters,
    IReadOnlyList<string>? Unmatched)
{
    /// <summary>The most headings an answer names that a profile can take (the profile's list limit).</summary>
    public const int MaxIndustries = 50;

    /// <summary>Returns the understanding, or the field that is missing or too long.</summary>
    public (SearchUnderstanding? Understanding, string? Field, string? Detail) ToUnderstanding()
    {
        var industries = Industries ?? [];
        if (industries.Count > MaxIndustries)
        {
            return (null, "industries", $"industries has {industries.Count} items; at most {MaxIndustries} are allowed.");
        }

        var headings = new List<UnderstoodIndustry>(industries.Count);
        for (var i = 0; i < industries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(industries[i]?.Code))
            {
                return (null, $"industries[{i}].code", $"industries[{i}] needs the code of an SSIC heading.");
            }

            var h = industries[i]!;
            headings.Add(new UnderstoodIndustry(h.Code!.Trim(), h.Title ?? "", h.Level ?? "", h.MatchedBy ?? "", h.Term ?? "", h.CodeCount ?? 0));
        }

        var f = Filters;
        var filters = f is null
            ? SearchFilters.Default
            : new SearchFilters(f.Districts ?? [], f.Officers, f.Incorporated, f.AgeYears, f.EntityTypes ?? [], f.Statuses ?? ["live"], f.Exclude ?? [], f.NotApplicable ?? []);
        return (new SearchUnderstanding(headings, SsicCodes ?? [], filters, Unmatched ?? []), null, null);
    }
}
