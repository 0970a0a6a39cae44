namespace IcpSearch.GrainInterfaces.Leads;

/// <summary>
/// A company with this tenant's latest score.
/// </summary>
/// <param name="CompanyId">Gets the company id.</param>
/// <param name="Uen">Gets the UEN, or null.</param>
/// <param name="Name">Gets the company name.</param>
/// <param name="Industry">Gets the normalised industry.</param>
/// <param name="IndustryCode">Gets the primary SSIC code.</param>
/// <param name="Score">Gets the score, 0 to 100.</param>
/// <param name="Bucket">Gets the bucket: high, medium or low.</param>
/// <param name="Rationale">Gets the factors behind the score.</param>
/// <param name="ScoredAt">Gets when the score was computed.</param>
/// <param name="IncorporationYear">Gets the incorporation year, or null.</param>
/// <param name="SizeBand">Gets the size band derived from the officer count, or null.</param>
/// <param name="HqDistrict">Gets the Singapore postal district, or null.</param>
/// <param name="EntityStatus">Gets the registry status, or null.</param>
/// <param name="EnrichmentStatus">Gets ok, degraded or pending.</param>
/// <param name="WebsiteDomain">Gets the website domain, or null.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.LeadRow")]
public sealed record LeadRow(
    long CompanyId,
    string? Uen,
    string Name,
    string? Industry,
    string? IndustryCode,
    int Score,
    string Bucket,
    string Rationale,
    DateTimeOffset ScoredAt,
    int? IncorporationYear,
    string? SizeBand,
    string? HqDistrict,
    string? EntityStatus,
    string EnrichmentStatus,
    string? WebsiteDomain);
