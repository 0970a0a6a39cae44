namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Everything one pipeline pass writes: companies, their enrichment runs and this tenant's scores.
/// </summary>
public sealed record CompanyWrite(
    string TenantId,
    IReadOnlyList<ScoredCompany> Companies,
    IReadOnlyList<EnrichmentRun> Runs);
