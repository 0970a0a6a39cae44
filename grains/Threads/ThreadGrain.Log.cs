namespace IcpSearch.Grains.Threads;

public sealed partial class ThreadGrain
{
    [LoggerMessage(EventId = 600, EventName = "thread_created", Level = LogLevel.Information,
        Message = "Thread {ThreadId} created for tenant {TenantId}")]
    private static partial void LogCreated(ILogger logger, Guid threadId, string tenantId);

    [LoggerMessage(EventId = 601, EventName = "run_start", Level = LogLevel.Information,
        Message = "Run {RunId} started on thread {ThreadId} (tenant {TenantId})")]
    private static partial void LogRunStarted(ILogger logger, Guid threadId, string tenantId, Guid runId);

    [LoggerMessage(EventId = 602, EventName = "run_end", Level = LogLevel.Information,
        Message = "Run {RunId} on thread {ThreadId} (tenant {TenantId}) ended {RunStatus}")]
    private static partial void LogRunEnded(ILogger logger, Guid threadId, string tenantId, Guid runId, string runStatus);

    [LoggerMessage(EventId = 603, EventName = "run_cancel", Level = LogLevel.Information,
        Message = "Run {RunId} on thread {ThreadId} (tenant {TenantId}) cancelled")]
    private static partial void LogRunCancelled(ILogger logger, Guid threadId, string tenantId, Guid runId);

    [LoggerMessage(EventId = 604, EventName = "run_error", Level = LogLevel.Error,
        Message = "Run {RunId} on thread {ThreadId} (tenant {TenantId}) failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid threadId, string tenantId, Guid runId);

    [LoggerMessage(EventId = 605, EventName = "run_stale", Level = LogLevel.Warning,
        Message = "Thread {ThreadId} (tenant {TenantId}) was busy when activated: its run was lost with its silo; marked error")]
    private static partial void LogStaleRun(ILogger logger, Guid threadId, string tenantId);
}
