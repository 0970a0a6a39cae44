namespace IcpSearch.Gateway.Endpoints.Industries;

/// <summary>Suggested headings.</summary>
public sealed record IndustrySuggestions(IReadOnlyList<IndustryItem> Items);
