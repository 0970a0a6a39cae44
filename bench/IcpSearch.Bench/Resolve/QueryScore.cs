using IcpSearch.Grains.Industries;

namespace IcpSearch.Bench.Resolve;

/// <summary>How one labelled query resolved.</summary>
public sealed record QueryScore(IndustryQuery Query, IReadOnlyList<string> Phrases, ResolvedIndustries Resolved, double Recall, double Precision)
{
    /// <summary>The bar of the issue: recall at least 0.95 and precision at least 0.9.</summary>
    public bool Passes => Recall >= 0.95 && Precision >= 0.9;
}
