namespace IcpSearch.Grains.Industries;

/// <summary>
/// The outcome of resolving search terms against the SSIC reference.
/// </summary>
/// <param name="Codes">The 5-digit codes every term resolved to, sorted.</param>
/// <param name="UnresolvedTerms">The terms that resolved to no code.</param>
/// <param name="Headings">The headings the terms resolved to, in term order.</param>
public sealed record ResolvedIndustries(
    IReadOnlyList<string> Codes,
    IReadOnlyList<string> UnresolvedTerms,
    IReadOnlyList<ResolvedHeading> Headings);
