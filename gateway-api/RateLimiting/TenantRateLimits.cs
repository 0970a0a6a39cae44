using System.Threading.RateLimiting;
using IcpSearch.Gateway.Tenancy;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.RateLimiting;

/// <summary>
/// The per-tenant rate limit policies (ASP.NET Core's rate limiter, one fixed one-minute window per tenant). A
/// rejected request gets the limiter's 429 problem with <c>Retry-After</c> (see <c>RateLimitProblem</c>).
/// </summary>
public static class TenantRateLimits
{
    /// <summary>The policy of <c>POST /chat</c>.</summary>
    public const string ChatPolicy = "tenant-chat";

    /// <summary>The policy of the jobs group; it limits only job creation.</summary>
    public const string JobsPolicy = "tenant-job-create";

    /// <summary>The endpoint name of job creation, the one jobs route the jobs policy counts.</summary>
    public const string CreateJobEndpoint = "CreateStagingUpsertJob";

    /// <summary>Adds both policies.</summary>
    public static RateLimiterOptions AddTenantPolicies(this RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(ChatPolicy, http => Partition(http, Limits(http).ChatPerMinute));
        options.AddPolicy(JobsPolicy, http => IsJobCreation(http)
            ? Partition(http, Limits(http).JobCreatesPerMinute)
            : RateLimitPartition.GetNoLimiter(""));
        return options;
    }

    // Per tenant: the groups require one, and tenant resolution runs before the rate limiter.
    private static RateLimitPartition<string> Partition(HttpContext http, int perMinute)
    {
        var tenant = (string)http.Items[HttpTenantContext.ItemKey]!;
        return perMinute == 0
            ? RateLimitPartition.GetNoLimiter(tenant)
            : RateLimitPartition.GetFixedWindowLimiter(tenant, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
    }

    private static bool IsJobCreation(HttpContext http)
        => http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == CreateJobEndpoint;

    private static TenantRateLimitOptions Limits(HttpContext http)
        => http.RequestServices.GetRequiredService<IOptions<TenantRateLimitOptions>>().Value;
}
