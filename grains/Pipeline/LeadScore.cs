namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// A company's ICP score for one tenant.
/// </summary>
/// <param name="Score">0 to 100.</param>
/// <param name="Bucket">high (70+), medium (45+) or low.</param>
/// <param name="Rationale">Each factor with the points it gave.</param>
public sealed record LeadScore(int Score, string Bucket, string Rationale);
