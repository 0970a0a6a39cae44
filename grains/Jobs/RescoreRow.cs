using IcpSearch.Grains.Pipeline;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A lead score to re-score: its company, the company's facts and the industry grade it kept from its search.
/// </summary>
/// <param name="CompanyId">The company (the keyset cursor).</param>
/// <param name="Facts">What the score looks at, read back from <c>companies</c>.</param>
/// <param name="SearchedIndustryGrade">The industry grade against the searched codes; null for scores written before it was kept.</param>
/// <param name="ScoredAt">When the score was last written: the re-score replaces it only if it is still that one.</param>
public sealed record RescoreRow(long CompanyId, ScoreFacts Facts, int? SearchedIndustryGrade, DateTime ScoredAt);
