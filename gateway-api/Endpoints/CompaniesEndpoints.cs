using IcpSearch.Gateway.Errors;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Gateway.Endpoints;

/// <summary>
/// Finds this tenant's scored companies by exact name or website domain. Companies nobody in this tenant scored are
/// never listed: the shared companies table would otherwise reveal what other tenants searched for.
/// </summary>
public static class CompaniesEndpoints
{
    /// <summary>The longest name or domain accepted.</summary>
    public const int MaxLength = 253;

    public static RouteGroupBuilder MapCompaniesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/companies").WithTags("Leads");
        group.MapGet("/", FindAsync).WithName("FindCompanies")
            .WithSummary("Finds this tenant's scored companies by exact name (case-insensitive) or website domain; give exactly one of name or domain.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    public static async Task<Results<Ok<CompanyList>, ProblemHttpResult>> FindAsync(string? name, string? domain, [AsParameters] GatewayServices services)
    {
        var hasName = !string.IsNullOrWhiteSpace(name);
        var hasDomain = !string.IsNullOrWhiteSpace(domain);
        if (hasName == hasDomain)
        {
            return Problems.Invalid(hasName ? "domain" : "name", "Give exactly one of name or domain.");
        }

        var (field, value) = hasName ? ("name", name!.Trim()) : ("domain", domain!.Trim());
        if (value.Length > MaxLength)
        {
            return Problems.Invalid(field, $"{field} has {value.Length} characters; at most {MaxLength} are allowed.");
        }

        var matches = await services.Cluster.GetGrain<ILeadQueryGrain>(0)
            .LookupAsync(new CompanyLookupRequest(services.Tenant.TenantId, hasName ? value : null, hasName ? null : value));
        return TypedResults.Ok(new CompanyList(matches.Select(CompanyItem.From).ToList()));
    }
}
