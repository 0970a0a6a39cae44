namespace IcpSearch.Grains.Industries;

/// <summary>A row of the SSIC reference: a section letter, a heading or a 5-digit code with its title.</summary>
public sealed record SsicReferenceRow(string Code, int Level, string Title);
