using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Leads;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Leads;

/// <summary>
/// Read-only lead queries; a stateless worker so reads scale with the silo's cores. Inputs are checked here, for
/// the gateway and internal callers alike: an invalid one is an <see cref="InvalidSearchException"/> naming the field.
/// </summary>
[StatelessWorker]
public sealed class LeadQueryGrain(ILeadStore store) : Grain, ILeadQueryGrain
{
    /// <summary>The longest industry name accepted.</summary>
    public const int MaxIndustryLength = 200;

    /// <summary>The longest company name or domain accepted.</summary>
    public const int MaxLookupLength = 253;

    /// <inheritdoc />
    public Task<Page<LeadRow>> GetLatestScoresAsync(LeadPageRequest request) => store.GetPageAsync(request with { Industry = null });

    /// <inheritdoc />
    public Task<Page<LeadRow>> GetCandidatesAsync(LeadPageRequest request)
    {
        var industry = request.Industry?.Trim() ?? "";
        if (industry.Length == 0)
        {
            throw new InvalidSearchException("industry", "industry is required, e.g. industry=Manufacturing.");
        }

        RequireLength("industry", industry, MaxIndustryLength);
        return store.GetPageAsync(request with { Industry = industry });
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CompanyMatch>> LookupAsync(CompanyLookupRequest request)
    {
        var name = request.Name?.Trim() ?? "";
        var domain = request.Domain?.Trim() ?? "";
        if ((name.Length == 0) == (domain.Length == 0))
        {
            throw new InvalidSearchException(name.Length > 0 ? "domain" : "name", "Give exactly one of name or domain.");
        }

        RequireLength(name.Length > 0 ? "name" : "domain", name.Length > 0 ? name : domain, MaxLookupLength);
        return store.LookupAsync(request with { Name = name.Length > 0 ? name : null, Domain = domain.Length > 0 ? domain : null });
    }

    private static void RequireLength(string field, string value, int max)
    {
        if (value.Length > max)
        {
            throw new InvalidSearchException(field, $"{field} has {value.Length} characters; at most {max} are allowed.");
        }
    }
}
