namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// Which staging rows a search or job covers.
/// </summary>
/// <param name="Codes">Gets the 5-digit SSIC codes matched against the primary and secondary code columns.</param>
/// <param name="DescriptionPatterns">Gets lower-case substrings matched against the primary SSIC description when no code resolved.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.MatchSpec")]
public sealed record MatchSpec(IReadOnlyList<string> Codes, IReadOnlyList<string> DescriptionPatterns)
{
    /// <summary>Gets whether the spec matches nothing.</summary>
    public bool IsEmpty => Codes.Count == 0 && DescriptionPatterns.Count == 0;
}
