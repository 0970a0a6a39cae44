namespace IcpSearch.GrainInterfaces.Industries;

/// <summary>
/// An SSIC heading offered while the user types an industry.
/// </summary>
/// <param name="Code">Gets the section letter or SSIC code.</param>
/// <param name="Title">Gets the title.</param>
/// <param name="Level">Gets the level: section, division, group, class or code.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.IndustrySuggestion")]
public sealed record IndustrySuggestion(string Code, string Title, string Level);
