namespace IcpSearch.Gateway.Extensions;

/// <summary>
/// Keeps the gateway's cluster client trying to connect while no silo is up yet, instead of failing start-up.
/// </summary>
public sealed partial class WaitForClusterRetryFilter(ILogger<WaitForClusterRetryFilter> logger) : IClientConnectionRetryFilter
{
    private int _attempts;

    /// <inheritdoc />
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt == 1 || attempt % 10 == 0)
        {
            LogWaiting(logger, attempt, exception.Message);
        }

        await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
        return true;
    }

    [LoggerMessage(EventId = 910, EventName = "waiting_for_cluster", Level = LogLevel.Warning,
        Message = "No silo reachable yet (attempt {Attempt}): {Reason}; retrying")]
    private static partial void LogWaiting(ILogger logger, int attempt, string reason);
}
