using System.Text;
using IcpSearch.Gateway.Tenancy;

namespace IcpSearch.Gateway.Auth;

/// <summary>
/// Resolves and checks the authentication settings once at start, so a production host can never come up open by accident.
/// </summary>
public static class AuthSettings
{
    /// <summary>
    /// Returns <paramref name="options"/> with the mode defaulted (off in Development, jwt elsewhere), or throws
    /// <see cref="FlagException"/> naming every flag that is missing, malformed or not allowed in this environment.
    /// </summary>
    public static AuthOptions Resolve(AuthOptions options, TenantOptions tenants, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tenants);
        var mode = string.IsNullOrWhiteSpace(options.Mode)
            ? (isDevelopment ? AuthOptions.OffMode : AuthOptions.JwtMode)
            : options.Mode.Trim().ToLowerInvariant();
        var problems = new List<string>();
        if (mode is not (AuthOptions.JwtMode or AuthOptions.OffMode))
        {
            problems.Add($"AUTH_MODE must be jwt or off (got '{options.Mode}').");
        }

        if (!isDevelopment && mode == AuthOptions.OffMode)
        {
            problems.Add("AUTH_MODE=off is only allowed when ASPNETCORE_ENVIRONMENT=Development; set AUTH_MODE=jwt with JWT_SIGNING_KEY or JWT_AUTHORITY.");
        }

        if (!isDevelopment && !string.IsNullOrEmpty(tenants.DefaultTenant))
        {
            problems.Add("DEFAULT_TENANT is only allowed when ASPNETCORE_ENVIRONMENT=Development; tenants come from tokens (tenant_id) or the X-Tenant-ID header.");
        }

        if (mode == AuthOptions.JwtMode)
        {
            var hasKey = !string.IsNullOrEmpty(options.SigningKey);
            var hasAuthority = !string.IsNullOrWhiteSpace(options.Authority);
            if (hasKey == hasAuthority)
            {
                problems.Add("AUTH_MODE=jwt needs exactly one of JWT_SIGNING_KEY (HS256) or JWT_AUTHORITY (OIDC).");
            }

            // The key itself never appears in a message, only its length.
            if (hasKey && Encoding.UTF8.GetByteCount(options.SigningKey!) < AuthOptions.MinKeyBytes)
            {
                problems.Add($"JWT_SIGNING_KEY must be at least {AuthOptions.MinKeyBytes} bytes (got {Encoding.UTF8.GetByteCount(options.SigningKey!)}).");
            }

            if (hasKey && string.IsNullOrWhiteSpace(options.Issuer))
            {
                problems.Add("JWT_ISSUER is required with JWT_SIGNING_KEY.");
            }

            if (string.IsNullOrWhiteSpace(options.Audience))
            {
                problems.Add("JWT_AUDIENCE is required when AUTH_MODE=jwt.");
            }

            if (hasAuthority && !Uri.TryCreate(options.Authority, UriKind.Absolute, out _))
            {
                problems.Add($"JWT_AUTHORITY must be an absolute URL (got '{options.Authority}').");
            }
        }

        if (problems.Count > 0)
        {
            throw new FlagException(string.Join(Environment.NewLine, problems));
        }

        return new AuthOptions
        {
            Mode = mode,
            SigningKey = options.SigningKey,
            Issuer = options.Issuer?.Trim(),
            Audience = options.Audience?.Trim(),
            Authority = options.Authority?.Trim(),
        };
    }
}
