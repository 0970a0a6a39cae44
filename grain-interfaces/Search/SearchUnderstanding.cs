namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// What a search understood: the headings named, every code matched, the typed filters, and what was not understood.
/// </summary>
/// <param name="Industries">Gets the SSIC headings the message named.</param>
/// <param name="SsicCodes">Gets every 5-digit code matched, exclusions taken out, sorted.</param>
/// <param name="Filters">Gets the typed constraints.</param>
/// <param name="Unmatched">Gets the words and phrases neither parsed as a constraint nor resolved to an industry.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.SearchUnderstanding")]
public sealed record SearchUnderstanding(
    IReadOnlyList<UnderstoodIndustry> Industries,
    IReadOnlyList<string> SsicCodes,
    SearchFilters Filters,
    IReadOnlyList<string> Unmatched)
{
    /// <summary>Gets the understanding of a message in which nothing was understood.</summary>
    public static SearchUnderstanding None { get; } = new([], [], SearchFilters.Default, []);
}
