namespace IcpSearch.Gateway.Endpoints;

/// <summary>Suggested headings.</summary>
public sealed record IndustrySuggestions(IReadOnlyList<IndustryItem> Items);
