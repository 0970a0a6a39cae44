using System.Text.Json.Serialization;
using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Gateway.Endpoints.Leads;

/// <summary>One keyset page of leads.</summary>
/// <param name="Items">The leads of this page, at most the limit.</param>
/// <param name="NextCursor">The cursor of the next page ("score:company_id"), or null on the last page.</param>
/// <remarks>The grain contract's rows are the API's items: the JSON naming policy gives them their snake_case names.</remarks>
public sealed record LeadPage(IReadOnlyList<LeadRow> Items, [property: JsonPropertyName("nextCursor")] string? NextCursor)
{
    public static LeadPage From(Page<LeadRow> page) => new(page.Items, page.NextCursor);
}
