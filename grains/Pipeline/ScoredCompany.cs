namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// An enriched company and its score, ready to be written.
/// </summary>
public sealed record ScoredCompany(CompanyDraft Company, LeadScore Score);
