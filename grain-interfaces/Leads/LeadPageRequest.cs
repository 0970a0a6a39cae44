using IcpSearch.GrainInterfaces.Common;

namespace IcpSearch.GrainInterfaces.Leads;

/// <summary>
/// A keyset page of a tenant's scored companies, optionally limited to one industry.
/// </summary>
/// <param name="TenantId">Gets the tenant.</param>
/// <param name="Limit">Gets the page size, 1 to 200.</param>
/// <param name="After">Gets the position after which the page starts, or null for the first page.</param>
/// <param name="Industry">Gets the industry (matched case-insensitively against the normalised industry), or null for all.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.LeadPageRequest")]
public sealed record LeadPageRequest(string TenantId, int Limit, KeysetCursor? After, string? Industry = null);
