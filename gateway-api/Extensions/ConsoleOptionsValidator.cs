using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Extensions;

/// <summary>
/// Rejects console settings out of range, naming the environment variable to fix.
/// </summary>
public sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ChatDebounceMs is >= 0 and <= 5000
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("CHAT_DEBOUNCE_MS must be between 0 and 5000.");
    }
}
