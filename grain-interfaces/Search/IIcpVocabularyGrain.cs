namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// Serves the values an ICP profile's lists take (districts, entity types, statuses). Stateless; use key 0.
/// </summary>
[Alias("IcpSearch.IIcpVocabularyGrain")]
public interface IIcpVocabularyGrain : IGrainWithIntegerKey
{
    /// <summary>Returns the districts, entity types and statuses an ICP profile may name.</summary>
    [ReadOnly, AlwaysInterleave, Alias("GetAsync")]
    Task<IcpVocabulary> GetAsync();
}
