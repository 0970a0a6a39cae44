using IcpSearch.Gateway.Endpoints.Common;
using IcpSearch.Gateway.Endpoints.Leads;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Gateway.Endpoints.Candidates;

/// <summary>
/// The tenant's scored companies in one industry (SSIC section title, case-insensitive), paginated like the scores.
/// </summary>
public static class CandidatesEndpoints
{
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
        // The grain checks the industry (required, length); its InvalidSearchException becomes the 400 naming the field.
        if (!LeadPaging.TryParse(limit, after, afterScore, afterId, out var size, out var cursor, out var problem)
            || !LeadPaging.TryChooseCsv(format, request, out var csv, out problem))
        {
            return problem;
        }

        var page = await services.Cluster.GetGrain<ILeadQueryGrain>(0)
            .GetCandidatesAsync(new LeadPageRequest(services.Tenant.TenantId, size, cursor, industry));
        return csv ? new CsvPageResult(page) : TypedResults.Ok(LeadPage.From(page));
    }

    // An invalid industry fails the first page, read before anything is sent, so it is still a 400 problem.
    public static CsvExportResult Export(string? industry, [AsParameters] GatewayServices services)
    {
        var grain = services.Cluster.GetGrain<ILeadQueryGrain>(0);
        var tenant = services.Tenant.TenantId;
        return new CsvExportResult("candidates.csv",
            cursor => grain.GetCandidatesAsync(new LeadPageRequest(tenant, CsvExportResult.ChunkSize, cursor, industry)));
    }
}
