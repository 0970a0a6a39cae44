using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace IcpSearch.Gateway.Errors;

/// <summary>
/// Answers a rate-limited request with a 429 problem (code rate_limited) and Retry-After when the limiter knows it.
/// </summary>
public static class RateLimitProblem
{
    public static async ValueTask WriteAsync(OnRejectedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        string? detail = null;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"Try again in {seconds} s.";
        }

        await Problems.Create(StatusCodes.Status429TooManyRequests, ProblemCodes.RateLimited, "Too many requests; slow down.", detail).ExecuteAsync(http);
    }
}
