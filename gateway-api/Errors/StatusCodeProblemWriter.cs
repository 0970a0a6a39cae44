using Microsoft.AspNetCore.Diagnostics;

namespace IcpSearch.Gateway.Errors;

/// <summary>
/// Gives bodiless error responses (an unknown route, a wrong method) a problem+json body with a stable code.
/// </summary>
public static class StatusCodeProblemWriter
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var (code, title) = http.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => (ProblemCodes.RouteNotFound, "No such endpoint."),
            StatusCodes.Status405MethodNotAllowed => (ProblemCodes.MethodNotAllowed, "This endpoint does not accept that method."),
            StatusCodes.Status401Unauthorized => (ProblemCodes.Unauthorized, "A valid bearer token is required."),
            StatusCodes.Status403Forbidden => (ProblemCodes.Forbidden, "The token does not allow this request."),
            StatusCodes.Status413PayloadTooLarge => (ProblemCodes.BodyTooLarge, "The request body is too large."),
            StatusCodes.Status415UnsupportedMediaType => (ProblemCodes.UnsupportedMediaType, "Send the body as application/json."),
            StatusCodes.Status429TooManyRequests => (ProblemCodes.RateLimited, "Too many requests; slow down."),
            >= 500 => (ProblemCodes.Internal, "An unexpected error occurred."),
            _ => (ProblemCodes.ValidationFailed, "The request could not be processed."),
        };

        var detail = http.Response.StatusCode == StatusCodes.Status404NotFound ? $"{http.Request.Method} {http.Request.Path} is not an endpoint of this API." : null;
        await Problems.Create(http.Response.StatusCode, code, title, detail).ExecuteAsync(http);
    }
}
