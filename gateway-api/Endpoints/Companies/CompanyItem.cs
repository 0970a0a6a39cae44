using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Gateway.Endpoints.Companies;

/// <summary>A company and this tenant's score.</summary>
public sealed record CompanyItem(long CompanyId, string? Uen, string Name, string? Industry, string? WebsiteDomain, int Score, string Bucket)
{
    public static CompanyItem From(CompanyMatch m) => new(m.CompanyId, m.Uen, m.Name, m.Industry, m.WebsiteDomain, m.Score, m.Bucket);
}
