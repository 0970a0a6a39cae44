namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// An enriched company and its score, ready to be written.
/// </summary>
/// <param name="Company">The enriched company.</param>
/// <param name="Score">Its score for the tenant.</param>
/// <param name="SourceHash">The company's <see cref="CompanyDraft.SourceHash"/>, taken when it was scored (enrichment is over by then).</param>
public sealed record ScoredCompany(CompanyDraft Company, LeadScore Score, string SourceHash);
