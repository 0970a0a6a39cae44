using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Rejects enrichment limits that cannot work, naming the setting to fix.
/// </summary>
public sealed class EnrichmentOptionsValidator : IValidateOptions<EnrichmentOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, EnrichmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ProviderTimeout <= TimeSpan.Zero)
        {
            failures.Add("ENRICHMENT_TIMEOUT_MS must be greater than zero.");
        }

        if (options.RefreshAfter < TimeSpan.Zero)
        {
            failures.Add("EnrichmentOptions:RefreshAfter must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
