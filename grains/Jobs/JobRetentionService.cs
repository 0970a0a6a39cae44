using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// Deletes finished jobs, and their batches, once they are older than <see cref="StagingUpsertJobOptions.RetentionDays"/>,
/// every <see cref="StagingUpsertJobOptions.PrunePeriod"/>.
/// </summary>
/// <remarks>Runs on every silo: the delete is idempotent and takes small slices, so silos pruning at once only share the work.</remarks>
public sealed partial class JobRetentionService(
    IJobStore jobs, IOptions<StagingUpsertJobOptions> options, TimeProvider time, ILogger<JobRetentionService> logger) : BackgroundService
{
    private const int Slice = 1000;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PrunePeriod, time);
        do
        {
            try
            {
                var cutoff = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
                int deleted, total = 0;
                do
                {
                    deleted = await jobs.PruneAsync(cutoff, Slice, stoppingToken);
                    total += deleted;
                }
                while (deleted == Slice);

                if (total > 0)
                {
                    LogPruned(logger, total, options.Value.RetentionDays);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPruneFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 330, EventName = "jobs_pruned", Level = LogLevel.Information,
        Message = "Pruned {Count} finished jobs older than {Days} days")]
    private static partial void LogPruned(ILogger logger, int count, int days);

    [LoggerMessage(EventId = 331, EventName = "jobs_prune_failed", Level = LogLevel.Warning,
        Message = "Pruning finished jobs failed; the next period tries again")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
