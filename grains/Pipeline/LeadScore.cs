namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// A company's ICP score for one tenant.
/// </summary>
/// <param name="Score">0 to 100.</param>
/// <param name="Bucket">high (70+), medium (45+) or low.</param>
/// <param name="Rationale">Each factor with the points it gave out of the most it could give.</param>
/// <param name="SearchedIndustryGrade">The industry grade against the codes searched for (0-1000): a re-score, which has no search codes, keeps this verdict when the ICP names no industry.</param>
/// <param name="Points">The weighted sum of the grades the score rounds, and the ranking orders by (see <see cref="IcpScoreModel"/>).</param>
public sealed record LeadScore(int Score, string Bucket, string Rationale, int SearchedIndustryGrade, long Points);
