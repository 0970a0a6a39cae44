using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.RateLimiting;

/// <summary>
/// Rejects rate limits out of range, naming the environment variable to fix.
/// </summary>
public sealed class TenantRateLimitOptionsValidator : IValidateOptions<TenantRateLimitOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TenantRateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ChatPerMinute is < 0 or > 100_000)
        {
            failures.Add($"CHAT_RATE_PER_MINUTE must be between 0 (off) and 100000 (got {options.ChatPerMinute}).");
        }

        if (options.JobCreatesPerMinute is < 0 or > 100_000)
        {
            failures.Add($"JOBS_CREATE_RATE_PER_MINUTE must be between 0 (off) and 100000 (got {options.JobCreatesPerMinute}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
