using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Diagnostics;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The machinery of a job grain whose state is its <c>background_jobs</c> row (through
/// <see cref="JobRowGrainStorage{TState}"/>): changes committed as one conditional write, status calls answered from
/// what is durable, the batch timer, a failed batch's retries, ending the job, and its reminder. What a job does in
/// and between its batches is the derived grain's, and so are its log events: each job type keeps its own EventIds
/// and names, which operators may alert on.
/// </summary>
public abstract class JobRowGrain<TState>(
    IPersistentState<TState> state,
    StagingUpsertJobOptions jobOptions,
    GrainInstruments instruments,
    TimeProvider time,
    string reminderName) : Grain
    where TState : JobRowState<TState>
{
    // What status calls see: the state as last made durable. Status calls interleave with batches, and must never
    // report a transition (done, error) or progress that is not yet durable.
    private JobSnapshot? _published;

    protected long JobId => this.GetPrimaryKeyLong();

    protected TState S => state.State;

    protected bool RowExists => state.RecordExists;

    protected GrainInstruments Instruments => instruments;

    protected TimeProvider Time => time;

    protected IGrainTimer? BatchTimer { get; private set; }

    /// <summary>Returns the job's progress as last made durable; answered even while a batch runs.</summary>
    public Task<JobSnapshot> GetStatusAsync()
        => _published is null ? throw new JobNotFoundException($"Job {JobId} does not exist.") : Task.FromResult(_published);

    /// <summary>Cancels the job before its next batch; what its batches wrote stays.</summary>
    public async Task<JobSnapshot> CancelAsync()
    {
        RequireJob();
        if (S.Status.IsTerminal())
        {
            throw new JobStateException($"Job {JobId} is already {S.Status.ToWire()}.");
        }

        // Not interleaved (no [AlwaysInterleave]): a batch in flight finishes and commits first, so "cancelled" means
        // "before the next batch" and never races the batch's own transition.
        await EndAsync(JobStatus.Cancelled, error: null, errorCode: null);
        LogJobCancelled(JobId, S.TenantId!, S.Processed);
        return Snapshot();
    }

    /// <summary>Returns the job as status calls see it.</summary>
    protected abstract JobSnapshot Snapshot();

    /// <summary>Runs one batch; the batch timer calls it once per start or change of <see cref="BatchTimer"/>.</summary>
    protected abstract Task RunBatchAsync(CancellationToken cancellationToken);

    /// <summary>Makes the current state what status calls see.</summary>
    protected void Publish() => _published = Snapshot();

    /// <summary>Reads the job's row again and publishes it.</summary>
    protected async Task ReadRowAsync()
    {
        await state.ReadStateAsync();
        _published = Snapshot();
    }

    private void RequireJob()
    {
        if (S.TenantId is null)
        {
            throw new JobNotFoundException($"Job {JobId} does not exist.");
        }
    }

    // A transition from one status only: otherwise the caller is told what the job is and what the call needs.
    protected void RequireStatus(JobStatus status, string only)
    {
        RequireJob();
        if (S.Status != status)
        {
            throw new JobStateException($"Job {JobId} is {S.Status.ToWire()}; {only}.");
        }
    }

    protected void StartBatchTimer(TimeSpan dueTime)
    {
        BatchTimer?.Dispose();
        BatchTimer = this.RegisterGrainTimer(RunBatchAsync, new GrainTimerCreationOptions
        {
            DueTime = dueTime,
            Period = Timeout.InfiniteTimeSpan,
            Interleave = false,
            KeepAlive = true,
        });
    }

    protected virtual void StopBatchTimer()
    {
        BatchTimer?.Dispose();
        BatchTimer = null;
    }

    // Applies a change (a transition, or a batch's progress with its rows) and makes it durable as one conditional
    // write of the job's row; when the write fails, the state goes back to what was last written, so the activation
    // never acts on (or reports) a change that did not happen.
    protected async Task CommitAsync(Action<TState> change)
    {
        var before = S.Clone();
        var changed = S;
        change(changed);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = before;
            throw;
        }
        finally
        {
            changed.ClearPendingBatch();
        }

        _published = Snapshot();
    }

    /// <summary>
    /// Handles a batch that failed: the batch timer stops when the row says the job no longer runs, the next batch
    /// follows after <paramref name="pauseAfterLanded"/> when the batch did commit after all, and a retry follows
    /// with backoff while retries are left.
    /// </summary>
    /// <returns>The error code once the batch's retries are used up (the caller ends the job in error); else null.</returns>
    protected async Task<string?> OnBatchFailedAsync(Exception exception, TimeSpan pauseAfterLanded)
    {
        // The commit may have landed although its answer was lost: the row is the one truth, so read it again and
        // the retry continues after whatever did commit (and holds the row's current version).
        var attempt = S.FailedAttempts + 1;
        var batchesBefore = S.Batches;
        try
        {
            await ReadRowAsync();
        }
        catch (Exception reloadError)
        {
            LogReloadFailed(reloadError, JobId);
        }

        if (S.Status != JobStatus.Running)
        {
            StopBatchTimer();
            return null;
        }

        if (S.Batches > batchesBefore)
        {
            BatchTimer?.Change(pauseAfterLanded, Timeout.InfiniteTimeSpan);
            return null;
        }

        var code = JobErrorCodes.Classify(exception);
        S.FailedAttempts = attempt;
        if (jobOptions.RetryDelay(attempt) is { } delay)
        {
            LogBatchRetry(exception, JobId, S.TenantId!, attempt, code, delay.TotalMilliseconds);
            BatchTimer?.Change(delay, Timeout.InfiniteTimeSpan);
            return null;
        }

        LogJobError(exception, JobId, S.TenantId!, code, S.Processed);
        return code;
    }

    // The stored message is what tenants see through the API: a fixed description of the failure, never the
    // exception's text, which can carry SQL, row values or connection details. The log keeps the details.
    protected Task EndInErrorAsync(string errorCode, Exception cause)
        => EndAsync(JobStatus.Error, JobErrorCodes.Describe(errorCode, cause), errorCode);

    // Ends the job in error if that much can be saved; if not, the activation stops and goes away, the job stays
    // running as stored, and the recovery reminder wakes a fresh activation that resumes from the committed cursor.
    protected async Task EndInErrorOrLeaveToRecoveryAsync(string errorCode, Exception cause)
    {
        try
        {
            await EndInErrorAsync(errorCode, cause);
        }
        catch (Exception ex)
        {
            LogLeftToRecovery(ex, JobId, S.TenantId!);
            StopBatchTimer();
            DeactivateOnIdle();
        }
    }

    protected async Task EndAsync(JobStatus status, string? error, string? errorCode)
    {
        var now = time.GetUtcNow();
        var wasRunning = S.Status == JobStatus.Running;
        await CommitAsync(s =>
        {
            s.Status = status;
            s.EndedAt = now;
            s.NextRunAt = null;
            s.Error = error;
            s.ErrorCode = errorCode;
        });

        // Only once the end is durable: had the save failed, the run would still need its timer and its reminder.
        StopBatchTimer();
        if (wasRunning)
        {
            OnRunEnded(now);
        }

        instruments.OnJobTransition(status.ToWire());
        try
        {
            await DropReminderAsync();
        }
        catch (Exception ex)
        {
            // Harmless: the reminder's next tick finds the job ended and drops itself.
            LogReminderDropFailed(ex, JobId);
        }
    }

    /// <summary>Called when the job ends while running, once the end is durable.</summary>
    protected virtual void OnRunEnded(DateTimeOffset now)
    {
    }

    // While a job runs (or waits for a turn), the reminder ticks often: if this silo dies, another silo's reminder
    // service wakes the grain there and the activation resumes from the last committed cursor.
    protected Task ArmRecoveryReminderAsync() => ArmReminderAsync(jobOptions.RecoveryPeriod, jobOptions.RecoveryPeriod);

    protected async Task ArmReminderAsync(TimeSpan dueTime, TimeSpan period)
        => await this.RegisterOrUpdateReminder(reminderName, dueTime > TimeSpan.Zero ? dueTime : TimeSpan.Zero, period);

    protected async Task DropReminderAsync()
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    // The grain-storage bridge may wrap the provider's exception.
    protected static bool IsUniqueViolation(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }

    // The events this machinery logs. Each job type declares them with [LoggerMessage] and its own EventIds and
    // names (operators may alert on them), so they are abstract here rather than shared.

    /// <summary>Logs that the row could not be read again after a failed batch.</summary>
    protected abstract void LogReloadFailed(Exception exception, long jobId);

    /// <summary>Logs that a failed batch is retried after <paramref name="delayMs"/> milliseconds.</summary>
    protected abstract void LogBatchRetry(Exception exception, long jobId, string tenantId, int attempt, string errorCode, double delayMs);

    /// <summary>Logs that the job fails: its batch's retries are used up.</summary>
    protected abstract void LogJobError(Exception exception, long jobId, string tenantId, string errorCode, long processed);

    /// <summary>Logs that the job was cancelled.</summary>
    protected abstract void LogJobCancelled(long jobId, string tenantId, long processed);

    /// <summary>Logs that not even the job's error could be saved, so the recovery reminder resumes it.</summary>
    protected abstract void LogLeftToRecovery(Exception exception, long jobId, string tenantId);

    /// <summary>Logs that the ended job's reminder could not be dropped.</summary>
    protected abstract void LogReminderDropFailed(Exception exception, long jobId);
}
