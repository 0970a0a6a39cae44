using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Tenancy;

/// <summary>
/// Rejects a default tenant that is not a valid tenant id, naming the environment variable to fix.
/// </summary>
public sealed class TenantOptionsValidator : IValidateOptions<TenantOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TenantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.DefaultTenant is null || TenantIds.IsValid(options.DefaultTenant)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("DEFAULT_TENANT must be 1-64 letters, digits, '.', '-' or '_'.");
    }
}
