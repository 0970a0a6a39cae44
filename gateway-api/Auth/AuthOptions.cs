namespace IcpSearch.Gateway.Auth;

/// <summary>
/// How callers authenticate: JWT bearer tokens (HS256 with a shared key, or an OIDC authority), or nothing in development.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>The mode that validates bearer tokens.</summary>
    public const string JwtMode = "jwt";

    /// <summary>The development-only mode that accepts every request.</summary>
    public const string OffMode = "off";

    /// <summary>The shortest HS256 key accepted, in bytes (RFC 7518 §3.2: at least the hash size).</summary>
    public const int MinKeyBytes = 32;

    /// <summary>Gets or sets the mode (<c>AUTH_MODE</c>): jwt or off. Default: jwt, or off in Development.</summary>
    public string? Mode { get; set; }

    /// <summary>Gets or sets the HS256 signing key (<c>JWT_SIGNING_KEY</c>, secret), at least 32 bytes of UTF-8. Default: none.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Gets or sets the required token issuer (<c>JWT_ISSUER</c>); required with a signing key. Default: none.</summary>
    public string? Issuer { get; set; }

    /// <summary>Gets or sets the required token audience (<c>JWT_AUDIENCE</c>); required in jwt mode. Default: none.</summary>
    public string? Audience { get; set; }

    /// <summary>Gets or sets the OIDC authority whose discovery document supplies issuer and keys (<c>JWT_AUTHORITY</c>). Default: none.</summary>
    public string? Authority { get; set; }

    /// <summary>Gets whether bearer tokens are required.</summary>
    public bool Enabled => Mode == JwtMode;
}
