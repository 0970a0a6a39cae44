using IcpSearch.Grains.Pipeline;

namespace IcpSearch.Tests.Pipeline;

/// <summary>
/// An enrichment source that never answers and ignores cancellation, so only the pipeline's time budget can stop waiting.
/// </summary>
public sealed class HangingEnrichmentProvider : IEnrichmentProvider
{
    public string Source => "news-signals";

    public async ValueTask EnrichAsync(IReadOnlyList<CompanyDraft> companies, CancellationToken cancellationToken)
        => await Task.Delay(TimeSpan.FromMinutes(5), CancellationToken.None);
}
