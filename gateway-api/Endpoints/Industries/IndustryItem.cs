namespace IcpSearch.Gateway.Endpoints.Industries;

/// <summary>An SSIC heading.</summary>
/// <param name="Code">The section letter or SSIC code.</param>
/// <param name="Title">The title.</param>
/// <param name="Level">section, division, group, class or code.</param>
public sealed record IndustryItem(string Code, string Title, string Level);
