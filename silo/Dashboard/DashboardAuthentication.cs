using System.Security.Claims;
using idunno.Authentication.Basic;

namespace IcpSearch.Silo.Dashboard;

/// <summary>
/// Basic authentication for the Orleans dashboard (idunno.Authentication.Basic): a 401 with a
/// <c>WWW-Authenticate: Basic</c> challenge until the configured credentials are sent.
/// </summary>
public static class DashboardAuthentication
{
    /// <summary>The realm browsers show in their sign-in prompt.</summary>
    public const string Realm = "IcpSearch silo";

    /// <summary>Adds the scheme and the authorization it needs when <paramref name="options"/> holds credentials.</summary>
    public static IServiceCollection AddDashboardAuthentication(this IServiceCollection services, SiloHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.DashboardProtected)
        {
            return services;
        }

        var credentials = new DashboardCredentials(options.DashboardUsername!, options.DashboardPassword!);
        services.AddAuthentication(BasicAuthenticationDefaults.AuthenticationScheme)
            .AddBasic(o =>
            {
                o.Realm = Realm;
                // The listener is plain HTTP (loopback by default; TLS belongs to the proxy in front of an exposed silo).
                o.AllowInsecureProtocol = true;
                o.Events = new BasicAuthenticationEvents
                {
                    OnValidateCredentials = context =>
                    {
                        if (credentials.Matches(context.Username, context.Password))
                        {
                            context.Principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, context.Username)], context.Scheme.Name));
                            context.Success();
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorization();
        return services;
    }
}
