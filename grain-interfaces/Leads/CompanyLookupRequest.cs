namespace IcpSearch.GrainInterfaces.Leads;

/// <summary>
/// Finds companies by exact name (case-insensitive) or website domain.
/// </summary>
/// <param name="TenantId">Gets the tenant whose scores are attached.</param>
/// <param name="Name">Gets the company name, or null.</param>
/// <param name="Domain">Gets the website domain, or null.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.CompanyLookupRequest")]
public sealed record CompanyLookupRequest(string TenantId, string? Name, string? Domain);
