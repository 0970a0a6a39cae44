using System.Reflection;
using IcpSearch.Gateway.Auth;
using IcpSearch.Gateway.Extensions;
using IcpSearch.Gateway.Tenancy;
using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Endpoints.Info;

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

    public static Ok<InfoResponse> GetInfo(IHostEnvironment environment, IOptions<ConsoleOptions> console, IOptions<AuthOptions> auth, IOptions<TenantOptions> tenants)
    {
        var version = typeof(InfoEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return TypedResults.Ok(new InfoResponse("IcpSearch", version.Split('+')[0], environment.EnvironmentName, console.Value.ChatDebounceMs,
            new AuthInfo(auth.Value.Enabled, auth.Value.Mode ?? AuthOptions.JwtMode, tenants.Value.DefaultTenant)));
    }
}
