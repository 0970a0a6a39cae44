namespace IcpSearch.Gateway.Endpoints.Companies;

/// <summary>Companies found.</summary>
public sealed record CompanyList(IReadOnlyList<CompanyItem> Items);
