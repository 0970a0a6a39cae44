namespace IcpSearch.Grains.Industries;

/// <summary>
/// Resolves industry terms (phrases such as "manufacturing", "law firms", "hotels") to SSIC codes of the newest
/// reference version, by alias, title, words and meaning, through the reference's hierarchy.
/// </summary>
public interface IIndustryResolver
{
    /// <summary>
    /// Resolves each term; a term naming a section or division means every code under it. The answer lists, per term,
    /// the headings chosen (<see cref="ResolvedHeading"/>) and every 5-digit code they stand for.
    /// </summary>
    Task<ResolvedIndustries> ResolveAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken = default);
}
