using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace IcpSearch.Gateway.Auth;

/// <summary>
/// Authentication of the LangGraph API (agent-chat-ui): an <c>x-api-key</c> when the request has one, otherwise the
/// gateway's bearer token. A key that is sent is always checked, even with AUTH_MODE=off.
/// </summary>
public static class LangGraphAuthentication
{
    /// <summary>The API key scheme.</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The scheme that picks the API key or the bearer token per request.</summary>
    public const string Scheme = "LangGraph";

    /// <summary>The authorization policy of the LangGraph endpoints.</summary>
    public const string Policy = "LangGraph";

    /// <summary>Adds the API key scheme and the selecting scheme.</summary>
    public static AuthenticationBuilder AddLangGraphSchemes(this AuthenticationBuilder authentication, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        authentication.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, null);
        // One scheme per request, so a refused request gets exactly one 401 answer (the key's or the token's).
        authentication.AddPolicyScheme(Scheme, null, o => o.ForwardDefaultSelector = http =>
            HasApiKey(http) || !auth.Enabled ? ApiKeyScheme : JwtBearerDefaults.AuthenticationScheme);
        return authentication;
    }

    /// <summary>Adds the policy: an authenticated caller; with auth off, also an anonymous one that sends no key.</summary>
    public static void AddLangGraphPolicy(this AuthorizationOptions options, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(auth);
        options.AddPolicy(Policy, new AuthorizationPolicyBuilder(Scheme)
            .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                || (!auth.Enabled && !(context.Resource is HttpContext http && HasApiKey(http))))
            .Build());
    }

    private static bool HasApiKey(HttpContext http) => !string.IsNullOrEmpty(http.Request.Headers[ApiKeyAuthenticationHandler.HeaderName]);
}
