using IcpSearch.Gateway.Endpoints.Common;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Gateway.Endpoints.Companies;

/// <summary>
/// Finds this tenant's scored companies by exact name or website domain. Companies nobody in this tenant scored are
/// never listed: the shared companies table would otherwise reveal what other tenants searched for.
/// </summary>
public static class CompaniesEndpoints
{
    public static RouteGroupBuilder MapCompaniesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/companies").WithTags("Leads");
        group.MapGet("/", FindAsync).WithName("FindCompanies")
            .WithSummary("Finds this tenant's scored companies by exact name (case-insensitive) or website domain; give exactly one of name or domain.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    // The grain checks the inputs (exactly one, length); its InvalidSearchException becomes the 400 naming the field.
    public static async Task<Ok<CompanyList>> FindAsync(string? name, string? domain, [AsParameters] GatewayServices services)
    {
        var matches = await services.Cluster.GetGrain<ILeadQueryGrain>(0)
            .LookupAsync(new CompanyLookupRequest(services.Tenant.TenantId, name, domain));
        return TypedResults.Ok(new CompanyList(matches.Select(CompanyItem.From).ToList()));
    }
}
