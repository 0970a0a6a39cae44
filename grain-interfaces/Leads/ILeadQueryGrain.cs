using IcpSearch.GrainInterfaces.Common;

namespace IcpSearch.GrainInterfaces.Leads;

/// <summary>
/// Read-only, keyset-paginated views of a tenant's scored companies. A stateless worker; use key 0.
/// </summary>
[Alias("IcpSearch.ILeadQueryGrain")]
public interface ILeadQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Returns the tenant's latest scores, ordered score then company id, both descending.</summary>
    [Alias("GetLatestScoresAsync")]
    Task<Page<LeadRow>> GetLatestScoresAsync(LeadPageRequest request);

    /// <summary>Returns the tenant's scored companies in one industry, in the same order.</summary>
    [Alias("GetCandidatesAsync")]
    Task<Page<LeadRow>> GetCandidatesAsync(LeadPageRequest request);

    /// <summary>Finds companies by exact name or website domain.</summary>
    [Alias("LookupAsync")]
    Task<IReadOnlyList<CompanyMatch>> LookupAsync(CompanyLookupRequest request);
}
