using IcpSearch.Gateway.Endpoints.Common;
using IcpSearch.Gateway.Errors;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Gateway.Endpoints.Icp;

/// <summary>
/// The tenant's ideal customer profile, which every lead score is measured against.
/// </summary>
public static class IcpEndpoints
{
    public static RouteGroupBuilder MapIcpEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/icp").WithTags("ICP");
        group.MapGet("/", GetAsync).WithName("GetIcpProfile").WithSummary("Returns this tenant's ICP profile.");
        group.MapPut("/", PutAsync).WithName("SetIcpProfile")
            .WithSummary("Validates and stores this tenant's ICP profile and returns it normalised; a 400 names the invalid field. Starts (or restarts) the tenant's rescore job, listed by GET /jobs, which re-scores every lead score under it.")
            .Accepts<IcpProfileBody>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/options", GetOptionsAsync).WithName("GetIcpOptions")
            .WithSummary("Returns the values a profile's lists take: the 28 postal districts with their places, the entity types with their registry descriptions, and the registry's statuses.");
        group.MapPost("/from-understanding", FromUnderstandingAsync).WithName("SaveUnderstoodAsIcpProfile")
            .WithSummary("Stores what a chat answer understood (its `understood` object) as this tenant's ICP profile, keeping the current weights; a 400 names the invalid field.")
            .Accepts<UnderstoodBody>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    public static async Task<Ok<IcpProfileBody>> GetAsync([AsParameters] GatewayServices services)
        => TypedResults.Ok(IcpProfileBody.From(await services.Cluster.GetTenantSearchGrain(services.Tenant.TenantId).GetIcpProfileAsync()));

    // Validation lives in the grain (IcpProfileValidator); its InvalidSearchException becomes a 400 naming the field.
    public static async Task<Ok<IcpProfileBody>> PutAsync(IcpProfileBody body, [AsParameters] GatewayServices services)
    {
        var stored = await services.Cluster.GetTenantSearchGrain(services.Tenant.TenantId).SetIcpProfileAsync(body.ToProfile());
        return TypedResults.Ok(IcpProfileBody.From(stored));
    }

    public static async Task<Ok<IcpOptionsResponse>> GetOptionsAsync(IClusterClient cluster)
        => TypedResults.Ok(IcpOptionsResponse.From(await cluster.GetGrain<IIcpVocabularyGrain>(0).GetAsync()));

    // The mapping (headings → targets, filter codes → registry descriptions, dates → ages) is the grain's, once.
    public static async Task<Results<Ok<IcpFromUnderstandingResponse>, ProblemHttpResult>> FromUnderstandingAsync(
        UnderstoodBody body, [AsParameters] GatewayServices services)
    {
        var (understanding, field, detail) = body.ToUnderstanding();
        if (understanding is null)
        {
            return Problems.Invalid(field!, detail!);
        }

        var saved = await services.Cluster.GetTenantSearchGrain(services.Tenant.TenantId).SaveUnderstoodAsIcpAsync(understanding);
        return TypedResults.Ok(IcpFromUnderstandingResponse.From(saved));
    }
}
