namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// A company's ICP score for one tenant.
/// </summary>
/// <param name="Score">0 to 100.</param>
/// <param name="Bucket">high (70+), medium (45+) or low.</param>
/// <param name="Rationale">Each factor with the points it gave out of the most it could give.</param>
/// <param name="IndustryGrade">The industry factor's grade (0-1000), kept so a re-score without ICP industries keeps the search's verdict.</param>
/// <param name="Points">The weighted sum of the grades the score rounds, and the ranking orders by (see <see cref="IcpScoreModel"/>).</param>
public sealed record LeadScore(int Score, string Bucket, string Rationale, int IndustryGrade, long Points);
