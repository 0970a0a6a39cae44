using IcpSearch.Gateway.Errors;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Gateway.Endpoints;

/// <summary>
/// The tenant's scored companies in one industry (SSIC section title, case-insensitive), paginated like the scores.
/// </summary>
public static class CandidatesEndpoints
{
    /// <summary>The longest industry name accepted.</summary>
    public const int MaxIndustryLength = 200;

    public static RouteGroupBuilder MapCandidatesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/candidates").WithTags("Leads");
        group.MapGet("/", GetCandidatesAsync).WithName("GetCandidates")
            .WithSummary("Returns one keyset page of this tenant's scored companies in an industry, score then company id descending.")
            .WithDescription("industry is required (e.g. Manufacturing); limit, after, CSV exactly as GET /scores/latest.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/export", Export).WithName("ExportCandidates")
            .WithSummary("Streams every scored company of this tenant in an industry as CSV.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    public static async Task<Results<Ok<LeadPage>, CsvPageResult, ProblemHttpResult>> GetCandidatesAsync(
        string? industry, string? limit, string? after, string? afterScore, string? afterId, string? format, HttpRequest request,
        [AsParameters] GatewayServices services)
    {
        if (!TryIndustry(industry, out var name, out var problem)
            || !LeadPaging.TryParse(limit, after, afterScore, afterId, out var size, out var cursor, out problem)
            || !LeadPaging.TryChooseCsv(format, request, out var csv, out problem))
        {
            return problem;
        }

        var page = await services.Cluster.GetGrain<ILeadQueryGrain>(0)
            .GetCandidatesAsync(new LeadPageRequest(services.Tenant.TenantId, size, cursor, name));
        return csv ? new CsvPageResult(page) : TypedResults.Ok(LeadPage.From(page));
    }

    public static Results<CsvExportResult, ProblemHttpResult> Export(string? industry, [AsParameters] GatewayServices services)
    {
        if (!TryIndustry(industry, out var name, out var problem))
        {
            return problem;
        }

        var grain = services.Cluster.GetGrain<ILeadQueryGrain>(0);
        var tenant = services.Tenant.TenantId;
        return new CsvExportResult("candidates.csv",
            (cursor, _) => grain.GetCandidatesAsync(new LeadPageRequest(tenant, CsvExportResult.ChunkSize, cursor, name)));
    }

    private static bool TryIndustry(string? industry, out string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        name = industry?.Trim() ?? "";
        problem = name.Length switch
        {
            0 => Problems.Invalid("industry", "industry is required, e.g. industry=Manufacturing."),
            > MaxIndustryLength => Problems.Invalid("industry", $"industry has {name.Length} characters; at most {MaxIndustryLength} are allowed."),
            _ => null,
        };
        return problem is null;
    }
}
