namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// Which staging rows a search or job covers: those whose primary or secondary SSIC code is one of <paramref name="Codes"/>,
/// narrowed by <paramref name="Filters"/>.
/// </summary>
/// <param name="Codes">Gets the 5-digit SSIC codes.</param>
/// <param name="Filters">Gets the row filters (location, officers, incorporation, entity type, status), or null for none.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.MatchSpec")]
public sealed record MatchSpec(IReadOnlyList<string> Codes, MatchFilters? Filters = null)
{
    /// <summary>Gets whether the spec matches nothing.</summary>
    public bool IsEmpty => Codes.Count == 0;
}
