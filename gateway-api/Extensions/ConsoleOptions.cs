namespace IcpSearch.Gateway.Extensions;

/// <summary>
/// Settings the web console reads from <c>/api/info</c>.
/// </summary>
public sealed class ConsoleOptions
{
    /// <summary>Gets or sets the debounce of the industry input in milliseconds (<c>CHAT_DEBOUNCE_MS</c>), 0 to 5,000. Default: 400.</summary>
    public int ChatDebounceMs { get; set; } = 400;
}
