using System.Security.Claims;
using System.Text.Encodings.Web;
using IcpSearch.Gateway.Errors;
using IcpSearch.Gateway.Tenancy;
using IcpSearch.GrainInterfaces.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Auth;

/// <summary>
/// Authenticates the <c>x-api-key</c> header agent-chat-ui sends: a per-tenant key whose hash the silo checks. The
/// principal carries the key's tenant as <c>tenant_id</c>, so the usual tenant rules apply. No header: no result.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IClusterClient cluster) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The request header holding the key.</summary>
    public const string HeaderName = "x-api-key";

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var values = Request.Headers[HeaderName];
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        // The secret is hashed here and never sent to the silo or logged.
        if (values.Count > 1 || !ApiKeyFormat.TryParse(values[0], out var keyId, out var secret))
        {
            return AuthenticateResult.Fail("malformed API key");
        }

        var tenant = await cluster.GetGrain<IApiKeyGrain>(0).VerifyAsync(keyId, ApiKeyFormat.Hash(secret));
        if (tenant is null)
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }

        var identity = new ClaimsIdentity(
            [new Claim(TenantClaims.TenantId, tenant), new Claim("sub", "apikey:" + keyId)],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        await Problems.Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "A valid API key is required.",
            $"The {HeaderName} header is not a valid API key of this service; create one with 'silo apikey create --tenant <tenant>'.")
            .ExecuteAsync(Context);
    }
}
