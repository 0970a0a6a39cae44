namespace IcpSearch.Gateway.Endpoints;

/// <summary>Companies found.</summary>
public sealed record CompanyList(IReadOnlyList<CompanyItem> Items);
