namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// A company as the pipeline wrote it: its id, identity and this tenant's score.
/// </summary>
public sealed record PipelineCompany(
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
