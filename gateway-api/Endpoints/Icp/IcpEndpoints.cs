using IcpSearch.Gateway.Endpoints.Common;
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
}
