using System.Diagnostics;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Diagnostics;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;
using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A staging upsert job as an explicit state machine (queued → running → done | error | cancelled, with running →
/// queued when a run hits its cap). The reminder is only the alarm clock for the nightly window and for resuming a
/// run on another silo; the batches themselves run one per grain-timer turn, so status calls are answered between them.
/// </summary>
public sealed partial class StagingUpsertJobGrain(
    [PersistentState("staging-upsert-job", "jobs")] IPersistentState<StagingUpsertJobState> state,
    IJobStore jobs,
    IStagingRegistry registry,
    ILeadPipeline pipeline,
    IOptions<StagingUpsertJobOptions> options,
    GrainInstruments instruments,
    TimeProvider time,
    ILocalSiloDetails silo,
    ILogger<StagingUpsertJobGrain> logger) : Grain, IStagingUpsertJobGrain, IRemindable
{
    /// <summary>The job type stored in <c>background_jobs.job_type</c>.</summary>
    public const string JobType = "staging_upsert";

    private const string ReminderName = "staging-upsert";

    // A reminder tick this close to the window counts as the window (ticks are not perfectly punctual).
    private static readonly TimeSpan WindowTolerance = TimeSpan.FromSeconds(5);

    private readonly StagingUpsertJobOptions _options = options.Value;
    private IGrainTimer? _batchTimer;
    private ScoringContext? _runScoring;
    private int _transitionFailures;

    // What status calls see: the state as last made durable (transitions in the grain state, progress in
    // background_jobs with each batch). Status calls interleave with batches, and must never
    // report a transition (done, error) that is not yet durable.
    private JobSnapshot? _published;

    private long JobId => this.GetPrimaryKeyLong();

    private StagingUpsertJobState S => state.State;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Spec is null)
        {
            return;
        }

        await ReconcileWithMirrorAsync(resyncStatus: true, cancellationToken);
        _published = Snapshot();
        if (S.Status == JobStatus.Running)
        {
            // The run was interrupted (its silo stopped or the activation was collected): resume from the saved cursor.
            LogJobResumed(logger, JobId, S.Spec.TenantId, S.Processed, silo.SiloAddress.ToString());
            StartBatchTimer(TimeSpan.Zero);
        }
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> ScheduleAsync(StagingUpsertJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (S.Spec is not null)
        {
            return Snapshot();
        }

        var mirror = await jobs.GetAsync(JobId)
            ?? throw new JobNotFoundException($"Job {JobId} has no row in background_jobs; create it through the job store first.");
        return await ScheduleCoreAsync(spec, mirror);
    }

    private async Task<JobSnapshot> ScheduleCoreAsync(StagingUpsertJobSpec spec, JobMirror mirror)
    {
        if (mirror.TenantId != spec.TenantId)
        {
            throw new JobStateException($"Job {JobId} belongs to another tenant.");
        }

        var now = time.GetUtcNow();
        var nextRunAt = NextWindow(now);
        await TransitionAsync(s =>
        {
            s.Spec = spec;
            s.Status = JobStatus.Queued;
            s.CreatedAt = mirror.CreatedAt;
            s.NextRunAt = nextRunAt;
        });

        // Armed after the save: a reminder for a job that was never stored would only drop itself at its first tick.
        await ArmReminderAsync(nextRunAt - now, TimeSpan.FromDays(1));
        LogJobQueued(logger, JobId, spec.TenantId, spec.Total, nextRunAt);
        instruments.OnJobTransition("queued");

        if (_options.RunImmediately)
        {
            await StartRunAsync("immediate");
        }

        return Snapshot();
    }

    /// <inheritdoc />
    public Task<JobSnapshot> GetStatusAsync()
        => _published is null ? throw new JobNotFoundException($"Job {JobId} does not exist.") : Task.FromResult(_published);

    /// <inheritdoc />
    public async Task<JobSnapshot> RunNowAsync()
    {
        RequireJob();
        if (S.Status != JobStatus.Queued)
        {
            throw new JobStateException($"Job {JobId} is {S.Status.ToWire()}; only a queued job can be started.");
        }

        await StartRunAsync("operator");
        return Snapshot();
    }

    /// <inheritdoc />
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
        LogJobCancelled(logger, JobId, S.Spec!.TenantId, S.Processed);
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task EnsureScheduledAsync()
    {
        if (S.Spec is null)
        {
            // Created in background_jobs, but the scheduling call never arrived (its caller died in between).
            if (await jobs.GetAsync(JobId) is { Status: JobStatus.Queued } orphan)
            {
                await ScheduleCoreAsync(orphan.Spec, orphan);
            }

            return;
        }

        if (S.Status.IsTerminal())
        {
            return;
        }

        var now = time.GetUtcNow();
        if (S.Status == JobStatus.Queued && S.NextRunAt is { } due && due + WindowTolerance < now)
        {
            // The window passed while no silo was up: a reminder never fires for a missed tick, so without this the
            // job would wait a whole day for the next one.
            await StartRunAsync("missed-window");
            return;
        }

        if (await this.GetReminder(ReminderName) is null)
        {
            if (S.Status == JobStatus.Running)
            {
                await ArmReminderAsync(_options.RecoveryPeriod, _options.RecoveryPeriod);
            }
            else
            {
                var nextRunAt = S.NextRunAt ?? NextWindow(now);
                await ArmReminderAsync(nextRunAt - now, TimeSpan.FromDays(1));
            }
        }
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Spec is null || S.Status.IsTerminal())
        {
            await DropReminderAsync();
            return;
        }

        var now = time.GetUtcNow();
        if (S.Status == JobStatus.Queued && S.NextRunAt is { } due && now + WindowTolerance >= due)
        {
            await StartRunAsync("nightly");
        }
        else if (S.Status == JobStatus.Running && _batchTimer is null)
        {
            // A running activation always has its batch timer; should it ever lack one, the recovery tick restores it.
            StartBatchTimer(TimeSpan.Zero);
        }
    }

    private async Task StartRunAsync(string trigger)
    {
        var now = time.GetUtcNow();
        await TransitionAsync(s =>
        {
            s.Status = JobStatus.Running;
            s.StartedAt ??= now;
            s.RunStartedAt = now;
            s.RunProcessed = 0;
            s.FailedAttempts = 0;
            s.NextRunAt = null;
        });
        _runScoring = null;
        LogJobStart(logger, JobId, S.Spec!.TenantId, trigger, S.Processed, S.Spec.Total);
        instruments.OnJobTransition("running");
        StartBatchTimer(TimeSpan.Zero);

        // While running, the reminder ticks often: if this silo dies, another silo's reminder service wakes the
        // grain there and the activation resumes from the last committed cursor.
        await ArmReminderAsync(_options.RecoveryPeriod, _options.RecoveryPeriod);
    }

    private void StartBatchTimer(TimeSpan dueTime)
    {
        _batchTimer?.Dispose();
        _batchTimer = this.RegisterGrainTimer(RunBatchAsync, new GrainTimerCreationOptions
        {
            DueTime = dueTime,
            Period = Timeout.InfiniteTimeSpan,
            Interleave = false,
            KeepAlive = true,
        });
    }

    private async Task RunBatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RunBatchCoreAsync(cancellationToken);
            _transitionFailures = 0;
        }
        catch (Exception ex) when (S.Status == JobStatus.Running && !cancellationToken.IsCancellationRequested)
        {
            // A transition (requeue, done, error) could not be saved and the state is back as last persisted: try
            // again later rather than leave the run stalled until the next reminder tick, but not forever.
            _transitionFailures++;
            if (_options.TransitionRetryDelay(_transitionFailures) is { } delay)
            {
                LogTransitionRetry(logger, ex, JobId, _transitionFailures, delay.TotalMilliseconds);
                _batchTimer?.Change(delay, Timeout.InfiniteTimeSpan);
                return;
            }

            await AbandonRunAsync(ex);
        }
    }

    // Transition retries are used up. The job ends in error if that much can be saved (the refused transition may
    // be the only one failing); if not, the activation stops and goes away, the job stays running as stored, and the
    // recovery reminder wakes a fresh activation that resumes from the committed cursor.
    private async Task AbandonRunAsync(Exception cause)
    {
        LogTransitionAbandoned(logger, cause, JobId, S.Spec!.TenantId, _transitionFailures);
        _transitionFailures = 0;
        try
        {
            await EndAsync(JobStatus.Error, JobErrorCodes.Describe(JobErrorCodes.StateUnsaved, cause), JobErrorCodes.StateUnsaved);
        }
        catch (Exception ex)
        {
            LogJobLeftToRecovery(logger, ex, JobId, S.Spec.TenantId);
            StopBatchTimer();
            DeactivateOnIdle();
        }
    }

    private async Task RunBatchCoreAsync(CancellationToken cancellationToken)
    {
        if (S.Status != JobStatus.Running)
        {
            StopBatchTimer();
            return;
        }

        var runCapLeft = _options.MaxRowsPerRun - S.RunProcessed;
        if (runCapLeft <= 0)
        {
            await RequeueAsync();
            return;
        }

        var limit = (int)Math.Min(_options.BatchSize, runCapLeft);
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        int rowCount;
        try
        {
            var spec = S.Spec!;
            var rows = await registry.ReadBatchAsync(spec.Match, S.CursorUen, spec.SkipUens, limit, cancellationToken);
            rowCount = rows.Count;
            if (rowCount > 0)
            {
                _runScoring ??= await LoadScoringAsync(spec);
                var batch = new JobBatchRecord(JobId, S.Batches + 1, S.Processed + rowCount, rows[^1].Uen!, startedAt);
                await pipeline.ProcessAsync(new PipelineRequest(spec.TenantId, rows, _runScoring, batch), cancellationToken);

                // The batch and the job's progress committed together, and background_jobs is the truth for progress:
                // the grain state is not written per batch (an activation adopts the committed progress; transitions
                // save it), so the in-memory state may be ahead of the stored state, never of what is durable.
                S.Processed = batch.ProcessedAfter;
                S.Batches = batch.BatchNo;
                S.CursorUen = batch.CursorUen;
                S.RunProcessed += rowCount;
                S.FailedAttempts = 0;
                _published = Snapshot();

                instruments.OnBatchCompleted(clock.Elapsed, rowCount);
                LogBatchEnd(logger, JobId, spec.TenantId, S.Batches, rowCount, S.Processed, clock.Elapsed.TotalMilliseconds);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await OnBatchFailedAsync(ex);
            return;
        }

        if (rowCount < limit)
        {
            await EndAsync(JobStatus.Done, error: null, errorCode: null);
            LogJobFinish(logger, JobId, S.Spec!.TenantId, S.Processed, S.Batches, (S.EndedAt!.Value - S.StartedAt!.Value).TotalMilliseconds);
        }
        else if (S.RunProcessed >= _options.MaxRowsPerRun)
        {
            await RequeueAsync();
        }
        else
        {
            _batchTimer?.Change(_options.BatchPause, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task OnBatchFailedAsync(Exception exception)
    {
        // The batch may have committed before the failure (e.g. the state write failed): the mirror is the truth
        // for progress, so adopt it before retrying and the retry reads after the committed rows.
        try
        {
            await ReconcileWithMirrorAsync(resyncStatus: false, CancellationToken.None);
        }
        catch (Exception reconcileError)
        {
            LogReconcileFailed(logger, reconcileError, JobId);
        }

        var code = JobErrorCodes.Classify(exception);
        S.FailedAttempts++;
        if (_options.RetryDelay(S.FailedAttempts) is { } delay)
        {
            LogBatchRetry(logger, exception, JobId, S.Spec!.TenantId, S.FailedAttempts, code, delay.TotalMilliseconds);
            _batchTimer?.Change(delay, Timeout.InfiniteTimeSpan);
            return;
        }

        // The stored message is what tenants see through the API: a fixed description of the failure, never the
        // exception's text, which can carry SQL, row values or connection details. The log keeps the details.
        LogJobError(logger, exception, JobId, S.Spec!.TenantId, code, S.Processed);
        await EndAsync(JobStatus.Error, JobErrorCodes.Describe(code, exception), code);
    }

    private async Task RequeueAsync()
    {
        var now = time.GetUtcNow();
        var nextRunAt = NextWindow(now);
        var runStartedAt = S.RunStartedAt;
        await TransitionAsync(s =>
        {
            s.Status = JobStatus.Queued;
            s.NextRunAt = nextRunAt;
        });
        StopBatchTimer();
        RecordRunEnded(runStartedAt, now);
        await ArmReminderAsync(nextRunAt - now, TimeSpan.FromDays(1));
        LogJobCapped(logger, JobId, S.Spec!.TenantId, S.Processed, S.Spec.Total, nextRunAt);
        instruments.OnJobTransition("queued");
    }

    private async Task EndAsync(JobStatus status, string? error, string? errorCode)
    {
        var now = time.GetUtcNow();
        var runStartedAt = S.Status == JobStatus.Running ? S.RunStartedAt : null;
        await TransitionAsync(s =>
        {
            s.Status = status;
            s.EndedAt = now;
            s.NextRunAt = null;
            s.Error = error;
            s.ErrorCode = errorCode;
        });

        // Only once the end is durable: had the save failed, the run would still need its timer and its reminder.
        StopBatchTimer();
        RecordRunEnded(runStartedAt, now);
        instruments.OnJobTransition(status.ToWire());
        try
        {
            await DropReminderAsync();
        }
        catch (Exception ex)
        {
            // Harmless: the reminder's next tick finds the job ended and drops itself.
            LogReminderDropFailed(logger, ex, JobId);
        }
    }

    private void RecordRunEnded(DateTimeOffset? runStartedAt, DateTimeOffset now)
    {
        if (runStartedAt is { } start)
        {
            instruments.OnRunEnded(now - start);
        }
    }

    private async Task<ScoringContext> LoadScoringAsync(StagingUpsertJobSpec spec)
    {
        var profile = await GrainFactory.GetTenantSearchGrain(spec.TenantId).GetIcpProfileAsync();
        return new ScoringContext(profile, spec.Match.Codes, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    private async Task ReconcileWithMirrorAsync(bool resyncStatus, CancellationToken cancellationToken)
    {
        var mirror = await jobs.GetAsync(JobId, cancellationToken);
        if (mirror is null)
        {
            return;
        }

        if (mirror.Batches > S.Batches)
        {
            var adopted = mirror.Processed - S.Processed;
            S.RunProcessed += adopted;
            S.Processed = mirror.Processed;
            S.Batches = mirror.Batches;
            S.CursorUen = mirror.CursorUen;
            LogAdoptedMirror(logger, JobId, mirror.Batches, mirror.Processed);
        }

        if (resyncStatus && mirror.Status != S.Status)
        {
            // The grain state was saved but the mirror's update was not (the process died in between): the grain
            // state is the truth, so bring background_jobs back in line.
            LogMirrorResynced(logger, JobId, mirror.Status.ToWire(), S.Status.ToWire());
            await UpdateMirrorStatusAsync(cancellationToken);
        }
    }

    // Applies a transition and persists it; when the save fails, the state goes back to what was last persisted,
    // so the activation never acts on (or reports) a transition that did not happen. The grain state is the truth
    // and is written last: a failure between the two writes leaves at worst a stale mirror, which is set right here
    // or on the next activation.
    private async Task TransitionAsync(Action<StagingUpsertJobState> change)
    {
        var before = S.Clone();
        change(S);
        try
        {
            await UpdateMirrorStatusAsync(CancellationToken.None);
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = before;
            try
            {
                await UpdateMirrorStatusAsync(CancellationToken.None);
            }
            catch (Exception restoreError)
            {
                LogMirrorRestoreFailed(logger, restoreError, JobId);
            }

            throw;
        }

        _published = Snapshot();
    }

    private Task UpdateMirrorStatusAsync(CancellationToken cancellationToken)
        => jobs.UpdateStatusAsync(new JobStatusUpdate(JobId, S.Status, S.StartedAt, S.EndedAt, S.NextRunAt, S.Error, S.ErrorCode), cancellationToken);

    private async Task ArmReminderAsync(TimeSpan dueTime, TimeSpan period)
        => await this.RegisterOrUpdateReminder(ReminderName, Max(dueTime, TimeSpan.Zero), period);

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void StopBatchTimer()
    {
        _batchTimer?.Dispose();
        _batchTimer = null;
    }

    private DateTimeOffset NextWindow(DateTimeOffset now) => new NightlyWindow(_options.NightlyAt, _options.TimeZone).Next(now);

    private void RequireJob()
    {
        if (S.Spec is null)
        {
            throw new JobNotFoundException($"Job {JobId} does not exist.");
        }
    }

    private JobSnapshot Snapshot() => new(
        JobId, JobType, S.Spec!.TenantId, S.Status, S.Processed, Math.Max(S.Spec.Total, S.Processed), S.Batches,
        S.Error, S.ErrorCode, S.CreatedAt, S.StartedAt, S.EndedAt, S.NextRunAt, S.Spec.Terms, silo.SiloAddress.ToString());

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
