using System.Net;
using Microsoft.Extensions.Options;

namespace IcpSearch.Silo.Dashboard;

/// <summary>
/// Rejects an operator surface that cannot work or would be open to the network, naming the environment variable to fix.
/// </summary>
public sealed class SiloHttpOptionsValidator : IValidateOptions<SiloHttpOptions>
{
    /// <summary>The shortest dashboard password accepted.</summary>
    public const int MinPasswordLength = 12;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SiloHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.Bind, out var bind))
        {
            failures.Add($"SILO_HTTP_BIND must be an IP address such as 127.0.0.1 or 0.0.0.0 (got '{options.Bind}').");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"SILO_HTTP_PORT must be between 1 and 65535 (got {options.Port}).");
        }

        var hasUser = !string.IsNullOrEmpty(options.DashboardUsername);
        var hasPassword = !string.IsNullOrEmpty(options.DashboardPassword);
        if (hasUser != hasPassword)
        {
            failures.Add("DASHBOARD_USERNAME and DASHBOARD_PASSWORD must be set together.");
        }

        if (hasUser && options.DashboardUsername!.Contains(':', StringComparison.Ordinal))
        {
            failures.Add("DASHBOARD_USERNAME must not contain ':' (basic authentication splits on it).");
        }

        if (hasPassword && options.DashboardPassword!.Length < MinPasswordLength)
        {
            failures.Add($"DASHBOARD_PASSWORD must be at least {MinPasswordLength} characters.");
        }

        // The dashboard can stop grains and read every tenant's activity: off the loopback interface it needs credentials.
        if (bind is not null && !IPAddress.IsLoopback(bind) && !options.DashboardProtected)
        {
            failures.Add($"SILO_HTTP_BIND={options.Bind} exposes the dashboard beyond this machine: set DASHBOARD_USERNAME and DASHBOARD_PASSWORD too.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
