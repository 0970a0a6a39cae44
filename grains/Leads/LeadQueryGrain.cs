using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Grains.Leads;

/// <summary>
/// Read-only lead queries; a stateless worker so reads scale with the silo's cores.
/// </summary>
[StatelessWorker]
public sealed class LeadQueryGrain(ILeadStore store) : Grain, ILeadQueryGrain
{
    /// <inheritdoc />
    public Task<Page<LeadRow>> GetLatestScoresAsync(LeadPageRequest request) => store.GetPageAsync(request with { Industry = null });

    /// <inheritdoc />
    public Task<Page<LeadRow>> GetCandidatesAsync(LeadPageRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Industry);
        return store.GetPageAsync(request);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<CompanyMatch>> LookupAsync(CompanyLookupRequest request) => store.LookupAsync(request);
}
