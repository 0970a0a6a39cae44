namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// A company upserted, enriched and scored during a search.
/// </summary>
/// <param name="CompanyId">Gets the company id in <c>companies</c>.</param>
/// <param name="Uen">Gets the registry UEN.</param>
/// <param name="Name">Gets the registered name.</param>
/// <param name="Industry">Gets the normalised industry (the SSIC section title).</param>
/// <param name="IndustryCode">Gets the primary SSIC code.</param>
/// <param name="Score">Gets the ICP score, 0 to 100.</param>
/// <param name="Bucket">Gets the score bucket: high, medium or low.</param>
/// <param name="Rationale">Gets the factors behind the score.</param>
/// <param name="EnrichmentStatus">Gets the enrichment status: ok or degraded.</param>
/// <param name="EnrichmentReason">Gets why enrichment was degraded, or null.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.SearchCompany")]
public sealed record SearchCompany(
    long CompanyId,
    string? Uen,
    string Name,
    string? Industry,
    string? IndustryCode,
    int Score,
    string Bucket,
    string Rationale,
    string EnrichmentStatus,
    string? EnrichmentReason);
