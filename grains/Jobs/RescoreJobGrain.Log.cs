namespace IcpSearch.Grains.Jobs;

public sealed partial class RescoreJobGrain
{
    [LoggerMessage(EventId = 340, EventName = "rescore_start", Level = LogLevel.Information,
        Message = "Re-scoring job {JobId} started ({Trigger}) for tenant {TenantId}: {Total} scores under the profile saved at {ProfileSavedAt:o}")]
    private static partial void LogRescoreStart(ILogger logger, long jobId, string tenantId, string trigger, long total, DateTimeOffset profileSavedAt);

    [LoggerMessage(EventId = 341, EventName = "rescore_batch_end", Level = LogLevel.Debug,
        Message = "Re-scoring job {JobId} batch {Batch} for tenant {TenantId}: {BatchRows} scores in {DurationMs:0.0} ms, {Processed} processed")]
    private static partial void LogBatchEnd(ILogger logger, long jobId, string tenantId, int batch, int batchRows, long processed, double durationMs);

    [LoggerMessage(EventId = 342, EventName = "rescore_finish", Level = LogLevel.Information,
        Message = "Re-scoring job {JobId} done for tenant {TenantId}: {Processed} scores in {Batches} batches")]
    private static partial void LogRescoreFinish(ILogger logger, long jobId, string tenantId, long processed, int batches);

    [LoggerMessage(EventId = 343, EventName = "rescore_error", Level = LogLevel.Error,
        Message = "Re-scoring job {JobId} failed for tenant {TenantId} with {ErrorCode} after {Processed} scores")]
    protected override partial void LogJobError(Exception exception, long jobId, string tenantId, string errorCode, long processed);

    [LoggerMessage(EventId = 344, EventName = "rescore_batch_retry", Level = LogLevel.Warning,
        Message = "Re-scoring job {JobId} of tenant {TenantId}: batch failed ({ErrorCode}), attempt {Attempt}, retrying in {DelayMs:0} ms")]
    protected override partial void LogBatchRetry(Exception exception, long jobId, string tenantId, int attempt, string errorCode, double delayMs);

    [LoggerMessage(EventId = 345, EventName = "rescore_resumed", Level = LogLevel.Information,
        Message = "Re-scoring job {JobId} of tenant {TenantId} resumed at {Processed} scores")]
    private static partial void LogRescoreResumed(ILogger logger, long jobId, string tenantId, long processed);

    [LoggerMessage(EventId = 346, EventName = "rescore_cancelled", Level = LogLevel.Information,
        Message = "Re-scoring job {JobId} cancelled for tenant {TenantId} after {Processed} scores")]
    protected override partial void LogJobCancelled(long jobId, string tenantId, long processed);

    [LoggerMessage(EventId = 347, EventName = "rescore_left_to_recovery", Level = LogLevel.Error,
        Message = "Re-scoring job {JobId} of tenant {TenantId} could not save its state; its recovery reminder resumes it")]
    protected override partial void LogLeftToRecovery(Exception exception, long jobId, string tenantId);

    [LoggerMessage(EventId = 348, EventName = "rescore_reminder_drop_failed", Level = LogLevel.Warning,
        Message = "Re-scoring job {JobId} ended but its reminder could not be removed; its next tick removes it")]
    protected override partial void LogReminderDropFailed(Exception exception, long jobId);

    [LoggerMessage(EventId = 349, EventName = "rescore_reload_failed", Level = LogLevel.Warning,
        Message = "Re-scoring job {JobId} could not re-read its row after a failed batch; it retries on what it last read")]
    protected override partial void LogReloadFailed(Exception exception, long jobId);
}
