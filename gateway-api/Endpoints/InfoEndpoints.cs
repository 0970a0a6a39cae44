using System.Reflection;
using IcpSearch.Gateway.Extensions;
using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Endpoints;

/// <summary>
/// Open endpoints that describe the service; no token or tenant needed.
/// </summary>
public static class InfoEndpoints
{
    public static RouteGroupBuilder MapInfoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Service");
        group.MapGet("/info", GetInfo).WithName("Info").WithSummary("Names the service and version and says whether authentication is on.");
        return group;
    }

    public static Ok<InfoResponse> GetInfo(IHostEnvironment environment, IOptions<ConsoleOptions> console)
    {
        var version = typeof(InfoEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return TypedResults.Ok(new InfoResponse("IcpSearch", version.Split('+')[0], environment.EnvironmentName, console.Value.ChatDebounceMs));
    }
}

/// <summary>What the service is.</summary>
public sealed record InfoResponse(string Service, string Version, string Environment, int ChatDebounceMs);
