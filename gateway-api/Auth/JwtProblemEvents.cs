using IcpSearch.Gateway.Errors;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace IcpSearch.Gateway.Auth;

/// <summary>
/// Answers a missing or bad token with a 401 problem (code unauthorized) whose detail says what was wrong,
/// without echoing the token or the validator's internal message.
/// </summary>
public sealed class JwtProblemEvents : JwtBearerEvents
{
    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var failure = context.AuthenticateFailure;
        var detail = failure switch
        {
            null when string.IsNullOrEmpty(context.Request.Headers.Authorization) => "No bearer token: send Authorization: Bearer <token>.",
            null => "The Authorization header is not a bearer token.",
            SecurityTokenExpiredException => "The bearer token has expired.",
            SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
            SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The bearer token's signature is not valid.",
            SecurityTokenInvalidAudienceException => "The bearer token was issued for another audience.",
            SecurityTokenInvalidIssuerException => "The bearer token was issued by another issuer.",
            SecurityTokenInvalidAlgorithmException => "The bearer token is signed with an algorithm this service does not accept.",
            SecurityTokenNoExpirationException => "The bearer token has no expiry.",
            _ => "The bearer token is not valid.",
        };
        context.Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await Problems.Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthorized, "A valid bearer token is required.", detail)
            .ExecuteAsync(context.HttpContext);
    }
}
