namespace IcpSearch.GrainInterfaces.Leads;

/// <summary>
/// A company this tenant has scored, found by name or domain, with this tenant's score.
/// </summary>
/// <param name="CompanyId">Gets the company id.</param>
/// <param name="Uen">Gets the UEN, or null.</param>
/// <param name="Name">Gets the name.</param>
/// <param name="Industry">Gets the normalised industry, or null.</param>
/// <param name="WebsiteDomain">Gets the website domain, or null.</param>
/// <param name="Score">Gets this tenant's score.</param>
/// <param name="Bucket">Gets this tenant's bucket.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.CompanyMatch")]
public sealed record CompanyMatch(long CompanyId, string? Uen, string Name, string? Industry, string? WebsiteDomain, int Score, string Bucket);
