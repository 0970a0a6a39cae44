namespace IcpSearch.Grains.Industries;

/// <summary>
/// Resolves industry terms to SSIC codes through the reference's titles and hierarchy.
/// </summary>
public interface IIndustryResolver
{
    /// <summary>Resolves each term; a term naming a section or division means every code under it.</summary>
    Task<ResolvedIndustries> ResolveAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken = default);
}
