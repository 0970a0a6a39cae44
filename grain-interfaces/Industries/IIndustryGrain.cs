namespace IcpSearch.GrainInterfaces.Industries;

/// <summary>
/// Lookups over the SSIC reference. A stateless worker; use key 0.
/// </summary>
[Alias("IcpSearch.IIndustryGrain")]
public interface IIndustryGrain : IGrainWithIntegerKey
{
    /// <summary>Returns up to <paramref name="limit"/> headings whose titles match the typed text, broadest first.</summary>
    [Alias("SuggestAsync")]
    Task<IReadOnlyList<IndustrySuggestion>> SuggestAsync(string text, int limit);
}
