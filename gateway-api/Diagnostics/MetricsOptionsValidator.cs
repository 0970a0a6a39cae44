using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Diagnostics;

/// <summary>
/// Rejects metrics settings out of range, naming the environment variable to fix.
/// </summary>
public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.WindowMinutes is < 1 or > 1440)
        {
            failures.Add("METRICS_WINDOW_MINUTES must be between 1 and 1440.");
        }

        if (options.TtfbReportsPerMinute is < 1 or > 10_000)
        {
            failures.Add("TTFB_REPORTS_PER_MINUTE must be between 1 and 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
