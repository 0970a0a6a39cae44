using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Gateway.Endpoints;

/// <summary>A company with this tenant's latest score.</summary>
public sealed record LeadItem(
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
    string? WebsiteDomain)
{
    public static LeadItem From(LeadRow r) => new(
        r.CompanyId, r.Uen, r.Name, r.Industry, r.IndustryCode, r.Score, r.Bucket, r.Rationale, r.ScoredAt,
        r.IncorporationYear, r.SizeBand, r.HqDistrict, r.EntityStatus, r.EnrichmentStatus, r.WebsiteDomain);
}
