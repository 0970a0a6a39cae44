namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// One step of enrichment, run over a whole batch of companies at once.
/// </summary>
public interface IEnrichmentProvider
{
    /// <summary>Gets the source name recorded in <c>enrichment_runs.source</c>.</summary>
    string Source { get; }

    /// <summary>Enriches the companies in place; may mark single companies degraded. Must honour cancellation.</summary>
    ValueTask EnrichAsync(IReadOnlyList<CompanyDraft> companies, CancellationToken cancellationToken);
}
