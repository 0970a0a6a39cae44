using IcpSearch.GrainInterfaces.Operations;
using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Diagnostics;

/// <summary>
/// Refreshes the job figures at scrape time and feeds the duration histograms exactly once per batch and job,
/// keeping the cursors of what it has already observed (a singleton, so they survive between scrapes).
/// </summary>
public sealed partial class OperationsMetricsCollector(
    IClusterClient cluster, GatewayInstruments instruments, TimeProvider time, IOptions<MetricsOptions> options,
    ILogger<OperationsMetricsCollector> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);

    // Histograms count from the gateway's start: history before it is not re-counted on every restart.
    private DateTimeOffset _batchCursor = time.GetUtcNow();
    private DateTimeOffset _jobCursor = time.GetUtcNow();

    /// <summary>Reads the figures once; a failure is logged and counted and leaves the previous values in place.</summary>
    public async Task CollectAsync(CancellationToken cancellationToken)
    {
        // Concurrent scrapes share one read so no batch is observed twice.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var stats = await cluster.GetGrain<IOperationsGrain>(0)
                .GetJobStatsAsync(new JobStatsRequest(_batchCursor, _jobCursor, options.Value.WindowMinutes))
                .WaitAsync(Timeout, cancellationToken);
            instruments.OnJobStats(stats);
            _batchCursor = stats.BatchCursor;
            _jobCursor = stats.JobCursor;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            instruments.OnJobStatsFailed();
            LogRefreshFailed(logger, ex.GetType().Name, ex.Message);
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(EventId = 930, EventName = "metrics_refresh_failed", Level = LogLevel.Warning,
        Message = "Could not refresh job metrics from the cluster ({ExceptionType}: {Reason}); serving the previous values")]
    private static partial void LogRefreshFailed(ILogger logger, string exceptionType, string reason);
}
