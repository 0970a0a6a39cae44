using System.Text;
using IcpSearch.Gateway.Tenancy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IcpSearch.Gateway.Auth;

/// <summary>
/// JWT bearer authentication and the authorization policy every tenant endpoint requires.
/// </summary>
public static partial class GatewayAuthentication
{
    /// <summary>Checks the auth flags (failing start-up with a message naming the flag) and registers authentication.</summary>
    public static WebApplicationBuilder AddGatewayAuthentication(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection(nameof(AuthOptions)).Get<AuthOptions>() ?? new AuthOptions();
        var tenants = builder.Configuration.GetSection(nameof(TenantOptions)).Get<TenantOptions>() ?? new TenantOptions();
        var auth = AuthSettings.Resolve(configured, tenants, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(Options.Create(auth));

        var authentication = builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
        if (auth.Enabled)
        {
            authentication.AddJwtBearer(o =>
            {
                // Claim names stay as issued (tenant_id, tenants, sub) instead of being mapped to long URIs.
                o.MapInboundClaims = false;
                o.Audience = auth.Audience;
                o.Events = new JwtProblemEvents();
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateAudience = true,
                    ValidAudience = auth.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (auth.Authority is not null)
                {
                    o.Authority = auth.Authority;
                    o.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                }
                else
                {
                    o.TokenValidationParameters.ValidateIssuer = true;
                    o.TokenValidationParameters.ValidIssuer = auth.Issuer;
                    o.TokenValidationParameters.ValidateIssuerSigningKey = true;
                    o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey!));
                    o.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
                }
            });
        }

        authentication.AddLangGraphSchemes(auth);
        builder.Services.AddAuthorization(o =>
        {
            o.DefaultPolicy = auth.Enabled
                ? new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build()
                : new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();
            o.AddLangGraphPolicy(auth);
        });
        return builder;
    }

    /// <summary>Says loudly at start when the gateway runs without authentication or with a default tenant.</summary>
    public static void LogAuthMode(WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var tenants = app.Services.GetRequiredService<IOptions<TenantOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IcpSearch.Gateway.Auth");
        if (!auth.Enabled)
        {
            LogAuthOff(logger, app.Environment.EnvironmentName, tenants.DefaultTenant ?? "(none)");
        }
        else
        {
            LogAuthOn(logger, auth.Authority is null ? "HS256 shared key" : "OIDC authority " + auth.Authority, auth.Audience ?? "");
            if (tenants.DefaultTenant is { } fallback)
            {
                LogDefaultTenant(logger, fallback);
            }
        }
    }

    [LoggerMessage(EventId = 920, EventName = "auth_off", Level = LogLevel.Warning,
        Message = "AUTHENTICATION IS OFF ({Environment} mode, AUTH_MODE=off): every request is accepted without a token and acts for the X-Tenant-ID header or the default tenant '{DefaultTenant}'. Never run like this in production.")]
    private static partial void LogAuthOff(ILogger logger, string environment, string defaultTenant);

    [LoggerMessage(EventId = 921, EventName = "auth_on", Level = LogLevel.Information,
        Message = "Bearer tokens required ({Validation}, audience {Audience})")]
    private static partial void LogAuthOn(ILogger logger, string validation, string audience);

    [LoggerMessage(EventId = 922, EventName = "default_tenant", Level = LogLevel.Warning,
        Message = "DEFAULT_TENANT is set (development): tokens without tenant claims and requests without X-Tenant-ID act for '{DefaultTenant}'")]
    private static partial void LogDefaultTenant(ILogger logger, string defaultTenant);
}
