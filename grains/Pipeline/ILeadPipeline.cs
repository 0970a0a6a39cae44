namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Upsert → enrich → score: the one path from registry rows to scored companies, for searches and jobs alike.
/// </summary>
public interface ILeadPipeline
{
    /// <summary>Enriches and scores the rows without writing them, for a caller that commits the write in its own unit of work.</summary>
    Task<CompanyWrite> PrepareAsync(PipelineRequest request, CancellationToken cancellationToken = default);

    /// <summary>Prepares the rows and writes them as one set-based write; returns each company as written.</summary>
    Task<IReadOnlyList<PipelineCompany>> ProcessAsync(PipelineRequest request, CancellationToken cancellationToken = default);
}
