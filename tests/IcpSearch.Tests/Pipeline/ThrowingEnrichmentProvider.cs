using IcpSearch.Grains.Pipeline;

namespace IcpSearch.Tests.Pipeline;

/// <summary>
/// An enrichment source that is down: every call fails, as an unreachable external provider would.
/// </summary>
public sealed class ThrowingEnrichmentProvider : IEnrichmentProvider
{
    public string Source => "website-lookup";

    public ValueTask EnrichAsync(IReadOnlyList<CompanyDraft> companies, CancellationToken cancellationToken)
        => throw new HttpRequestException("website lookup service unreachable");
}
