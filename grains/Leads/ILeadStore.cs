using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Grains.Leads;

/// <summary>
/// Keyset-paginated reads of a tenant's scored companies.
/// </summary>
public interface ILeadStore
{
    /// <summary>Returns one page ordered score then company id, both descending; filtered to one industry when given.</summary>
    Task<Page<LeadRow>> GetPageAsync(LeadPageRequest request, CancellationToken cancellationToken = default);

    /// <summary>Finds companies by exact name (case-insensitive) or website domain.</summary>
    Task<IReadOnlyList<CompanyMatch>> LookupAsync(CompanyLookupRequest request, CancellationToken cancellationToken = default);
}
