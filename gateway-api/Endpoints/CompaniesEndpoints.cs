using IcpSearch.Gateway.Errors;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Gateway.Endpoints;

/// <summary>
/// Finds companies by exact name or website domain, with this tenant's score (never another tenant's).
/// </summary>
public static class CompaniesEndpoints
{
    /// <summary>The longest name or domain accepted.</summary>
    public const int MaxLength = 253;

    public static RouteGroupBuilder MapCompaniesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/companies").WithTags("Leads");
        group.MapGet("/", FindAsync).WithName("FindCompanies")
            .WithSummary("Finds companies by exact name (case-insensitive) or website domain; give exactly one of name or domain.")
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

/// <summary>Companies found.</summary>
public sealed record CompanyList(IReadOnlyList<CompanyItem> Items);

/// <summary>A company and this tenant's score, when it has one.</summary>
public sealed record CompanyItem(long CompanyId, string? Uen, string Name, string? Industry, string? WebsiteDomain, int? Score, string? Bucket)
{
    public static CompanyItem From(CompanyMatch m) => new(m.CompanyId, m.Uen, m.Name, m.Industry, m.WebsiteDomain, m.Score, m.Bucket);
}
