using IcpSearch.Gateway.Endpoints.Common;
using IcpSearch.Gateway.Endpoints.Leads;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Gateway.Endpoints.Scores;

/// <summary>
/// The tenant's latest lead scores, best first, one keyset page at a time (JSON or CSV), or all of them as a CSV download.
/// </summary>
public static class ScoresEndpoints
{
    public static RouteGroupBuilder MapScoresEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/scores").WithTags("Leads");
        group.MapGet("/latest", GetLatestAsync).WithName("GetLatestScores")
            .WithSummary("Returns one keyset page of this tenant's scored companies, score then company id descending.")
            .WithDescription("limit 1-200 (default 50); continue with after=<nextCursor> (or afterScore and afterId). " +
                "Accept: text/csv or format=csv returns the same page as CSV with the cursor in X-Next-Cursor.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/export", Export).WithName("ExportScores")
            .WithSummary("Streams every scored company of this tenant as CSV, in the page order.");
        return group;
    }

    public static async Task<Results<Ok<LeadPage>, CsvPageResult, ProblemHttpResult>> GetLatestAsync(
        string? limit, string? after, string? afterScore, string? afterId, string? format, HttpRequest request, [AsParameters] GatewayServices services)
    {
        if (!LeadPaging.TryParse(limit, after, afterScore, afterId, out var size, out var cursor, out var problem)
            || !LeadPaging.TryChooseCsv(format, request, out var csv, out problem))
        {
            return problem;
        }

        var page = await services.Cluster.GetGrain<ILeadQueryGrain>(0)
            .GetLatestScoresAsync(new LeadPageRequest(services.Tenant.TenantId, size, cursor));
        return csv ? new CsvPageResult(page) : TypedResults.Ok(LeadPage.From(page));
    }

    public static CsvExportResult Export([AsParameters] GatewayServices services)
    {
        var grain = services.Cluster.GetGrain<ILeadQueryGrain>(0);
        var tenant = services.Tenant.TenantId;
        return new CsvExportResult("scores.csv",
            cursor => grain.GetLatestScoresAsync(new LeadPageRequest(tenant, CsvExportResult.ChunkSize, cursor)));
    }
}
