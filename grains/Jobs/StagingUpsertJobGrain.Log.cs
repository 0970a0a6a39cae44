namespace IcpSearch.Grains.Jobs;

public sealed partial class StagingUpsertJobGrain
{
    [LoggerMessage(EventId = 300, EventName = "job_queued", Level = LogLevel.Information,
        Message = "Job {JobId} queued for tenant {TenantId}: {Total} rows, next run at {NextRunAt:o}")]
    private static partial void LogJobQueued(ILogger logger, long jobId, string tenantId, long total, DateTimeOffset nextRunAt);

    [LoggerMessage(EventId = 301, EventName = "job_start", Level = LogLevel.Information,
        Message = "Job {JobId} started ({Trigger}) for tenant {TenantId}: {Processed} of {Total} rows done")]
    private static partial void LogJobStart(ILogger logger, long jobId, string tenantId, string trigger, long processed, long total);

    [LoggerMessage(EventId = 302, EventName = "batch_end", Level = LogLevel.Information,
        Message = "Job {JobId} batch {Batch} for tenant {TenantId}: {BatchRows} rows in {DurationMs:0.0} ms, {Processed} processed")]
    private static partial void LogBatchEnd(ILogger logger, long jobId, string tenantId, int batch, int batchRows, long processed, double durationMs);

    [LoggerMessage(EventId = 303, EventName = "job_finish", Level = LogLevel.Information,
        Message = "Job {JobId} done for tenant {TenantId}: {Processed} rows in {Batches} batches, {DurationMs:0} ms since first start")]
    private static partial void LogJobFinish(ILogger logger, long jobId, string tenantId, long processed, int batches, double durationMs);

    [LoggerMessage(EventId = 304, EventName = "job_error", Level = LogLevel.Error,
        Message = "Job {JobId} failed for tenant {TenantId} with {ErrorCode} after {Processed} rows")]
    protected override partial void LogJobError(Exception exception, long jobId, string tenantId, string errorCode, long processed);

    [LoggerMessage(EventId = 305, EventName = "job_cancelled", Level = LogLevel.Information,
        Message = "Job {JobId} cancelled for tenant {TenantId} after {Processed} rows")]
    protected override partial void LogJobCancelled(long jobId, string tenantId, long processed);

    [LoggerMessage(EventId = 306, EventName = "job_requeued", Level = LogLevel.Information,
        Message = "Job {JobId} of tenant {TenantId} back in the queue ({Reason}) at {Processed} of {Total} rows; next turn at {NextRunAt}")]
    private static partial void LogJobRequeued(ILogger logger, long jobId, string tenantId, string reason, long processed, long total, DateTimeOffset nextRunAt);

    [LoggerMessage(EventId = 307, EventName = "batch_retry", Level = LogLevel.Warning,
        Message = "Job {JobId} batch failed for tenant {TenantId} (attempt {Attempt}, {ErrorCode}); retrying in {DelayMs:0} ms")]
    protected override partial void LogBatchRetry(Exception exception, long jobId, string tenantId, int attempt, string errorCode, double delayMs);

    [LoggerMessage(EventId = 308, EventName = "job_resumed", Level = LogLevel.Information,
        Message = "Job {JobId} resumed for tenant {TenantId} at {Processed} rows on silo {Silo}")]
    private static partial void LogJobResumed(ILogger logger, long jobId, string tenantId, long processed, string silo);

    [LoggerMessage(EventId = 310, EventName = "job_reload_failed", Level = LogLevel.Warning,
        Message = "Job {JobId} could not read its committed progress after a failure")]
    protected override partial void LogReloadFailed(Exception exception, long jobId);

    [LoggerMessage(EventId = 311, EventName = "job_transition_retry", Level = LogLevel.Warning,
        Message = "Job {JobId} could not save a transition (attempt {Attempt}); the run keeps its last saved state and retries in {DelayMs:0} ms")]
    private static partial void LogTransitionRetry(ILogger logger, Exception exception, long jobId, int attempt, double delayMs);

    [LoggerMessage(EventId = 314, EventName = "job_reminder_drop_failed", Level = LogLevel.Warning,
        Message = "Job {JobId} ended but its reminder could not be dropped; the reminder drops itself at its next tick")]
    protected override partial void LogReminderDropFailed(Exception exception, long jobId);

    [LoggerMessage(EventId = 315, EventName = "job_transition_abandoned", Level = LogLevel.Error,
        Message = "Job {JobId} of tenant {TenantId} could not save a transition in {Attempts} attempts; ending it in error")]
    private static partial void LogTransitionAbandoned(ILogger logger, Exception exception, long jobId, string tenantId, int attempts);

    [LoggerMessage(EventId = 316, EventName = "job_left_to_recovery", Level = LogLevel.Error,
        Message = "Job {JobId} of tenant {TenantId} could not save its error either; the activation stops and the recovery reminder resumes the job from its stored state")]
    protected override partial void LogLeftToRecovery(Exception exception, long jobId, string tenantId);

    [LoggerMessage(EventId = 317, EventName = "job_waiting_for_turn", Level = LogLevel.Information,
        Message = "Job {JobId} of tenant {TenantId} waits for one of this silo's {Capacity} job turns")]
    private static partial void LogJobWaitingForTurn(ILogger logger, long jobId, string tenantId, int capacity);

    [LoggerMessage(EventId = 318, EventName = "job_prefetch_failed", Level = LogLevel.Debug,
        Message = "Job {JobId} could not read its next batch ahead; it reads it again in its turn")]
    private static partial void LogPrefetchFailed(ILogger logger, Exception exception, long jobId);

    [LoggerMessage(EventId = 319, EventName = "job_wake_failed", Level = LogLevel.Debug,
        Message = "Job {JobId} could not be woken for a freed turn; it asks again at its next poll")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, long jobId);
}
