using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Extensions;

/// <summary>
/// Rejects gateway limits out of range, naming the environment variable to fix.
/// </summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxRequestBodyBytes is >= 1024 and <= 100 * 1024 * 1024
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("MAX_REQUEST_BODY_BYTES must be between 1024 and 104857600.");
    }
}
