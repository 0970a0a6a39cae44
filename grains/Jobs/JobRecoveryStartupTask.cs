using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// At silo start, asks every open job to make sure its reminder exists, so no queued job waits forever because a
/// process died between creating its row and arming its reminder.
/// </summary>
public sealed partial class JobRecoveryStartupTask(IJobStore jobs, IGrainFactory grains, ILogger<JobRecoveryStartupTask> logger) : IStartupTask
{
    /// <inheritdoc />
    public Task Execute(CancellationToken cancellationToken)
    {
        // In the background: grain calls made during silo start-up would wait for the silo to become active.
        _ = Task.Run(async () =>
        {
            try
            {
                var open = await jobs.ListOpenJobIdsAsync(cancellationToken);
                foreach (var jobId in open)
                {
                    await grains.GetGrain<IStagingUpsertJobGrain>(jobId).EnsureScheduledAsync();
                }

                LogSwept(logger, open.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }
        }, cancellationToken);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 320, EventName = "job_recovery_sweep", Level = LogLevel.Information,
        Message = "Job recovery sweep checked {Count} open jobs")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 321, EventName = "job_recovery_failed", Level = LogLevel.Warning,
        Message = "Job recovery sweep failed; open jobs keep their existing reminders")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
