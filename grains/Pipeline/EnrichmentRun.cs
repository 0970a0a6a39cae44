namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// One provider's run on one company, as stored in <c>enrichment_runs</c>.
/// </summary>
/// <param name="Ordinal">The company's position in its batch.</param>
/// <param name="Source">The provider's source name.</param>
/// <param name="Outcome">ok, failed or timeout.</param>
/// <param name="Reason">Why it failed, or null.</param>
/// <param name="DurationMs">The company's share of the provider's batch run, in milliseconds.</param>
/// <param name="StartedAt">When the provider's batch run started.</param>
public sealed record EnrichmentRun(int Ordinal, string Source, string Outcome, string? Reason, float DurationMs, DateTimeOffset StartedAt);
