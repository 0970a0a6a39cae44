using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Upsert → enrich → score: the one path from registry rows to scored companies, for searches and jobs alike.
/// </summary>
public interface ILeadPipeline
{
    /// <summary>Processes the rows as one set-based write and returns each company as written.</summary>
    Task<IReadOnlyList<SearchCompany>> ProcessAsync(PipelineRequest request, CancellationToken cancellationToken = default);
}
