namespace IcpSearch.Gateway.Endpoints.Info;

/// <summary>How callers authenticate.</summary>
/// <param name="Enabled">Whether a bearer token is required.</param>
/// <param name="Mode">jwt or off (development only).</param>
/// <param name="DefaultTenant">The tenant used when a request names none (development only), or null.</param>
public sealed record AuthInfo(bool Enabled, string Mode, string? DefaultTenant);
