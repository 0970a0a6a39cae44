using System.Diagnostics;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Diagnostics;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A staging upsert job as an explicit state machine (queued → running → done | error | cancelled, with running →
/// queued when a run hits its cap). The reminder is only the alarm clock for the nightly window and for resuming a
/// run on another silo; the batches themselves run one per grain-timer turn, so status calls are answered between them.
/// </summary>
public sealed partial class StagingUpsertJobGrain(
    [PersistentState("staging-upsert-job", BackgroundJobGrainStorage.Name)] IPersistentState<StagingUpsertJobState> state,
    IJobStore jobs,
    IStagingRegistry registry,
    ILeadPipeline pipeline,
    IOptions<StagingUpsertJobOptions> options,
    GrainInstruments instruments,
    JobTurnLimiter turns,
    [FromKeyedServices(StagingUpsertJobGrain.ClockKey)] TimeProvider time,
    ILocalSiloDetails silo,
    ILogger<StagingUpsertJobGrain> logger) : Grain, IStagingUpsertJobGrain, IRemindable
{
    /// <summary>The job type stored in <c>background_jobs.job_type</c>.</summary>
    public const string JobType = "staging_upsert";

    /// <summary>The service key of the clock jobs read their windows from (the system clock; tests move it).</summary>
    public const string ClockKey = "jobs";

    private const string ReminderName = "staging-upsert";

    // A reminder tick this close to the window counts as the window (ticks are not perfectly punctual).
    private static readonly TimeSpan WindowTolerance = TimeSpan.FromSeconds(5);

    private readonly StagingUpsertJobOptions _options = options.Value;
    private IGrainTimer? _batchTimer;
    private IGrainTimer? _turnTimer;
    private Action? _wake;
    private ScoringContext? _runScoring;
    private (Task<PreparedBatch?> Batch, CancellationTokenSource Cancel)? _prefetch;
    private int _transitionFailures;

    // What status calls see: the state as last made durable. Status calls interleave with batches, and must never
    // report a transition (done, error) or progress that is not yet durable.
    private JobSnapshot? _published;

    private long JobId => this.GetPrimaryKeyLong();

    private StagingUpsertJobState S => state.State;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Spec is null)
        {
            return Task.CompletedTask;
        }

        _published = Snapshot();
        if (S.Status == JobStatus.Running)
        {
            // The run was interrupted (its silo stopped or the activation was collected): resume from the saved cursor.
            LogJobResumed(logger, JobId, S.Spec.TenantId, S.Processed, silo.SiloAddress.ToString());
            ResumeRun();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> ScheduleAsync(StagingUpsertJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (state.RecordExists)
        {
            return Snapshot();
        }

        // The reminder before the row: a caller dying in between leaves a reminder whose first tick finds no row and
        // drops itself, never a row that no reminder will wake.
        var now = time.GetUtcNow();
        var nextRunAt = NextWindow(now);
        await ArmQueuedReminderAsync(nextRunAt, now);
        var holder = await jobs.CreateOrReuseAsync(new NewJob(JobId, JobType, spec, nextRunAt), _options.MaxOpenPerTenant);
        if (holder != JobId)
        {
            await DropReminderAsync();
            DeactivateOnIdle();
            return holder is { } other
                ? await GrainFactory.GetGrain<IStagingUpsertJobGrain>(other).GetStatusAsync()
                : throw new OpenJobsLimitException($"Tenant {spec.TenantId} already has {_options.MaxOpenPerTenant} open jobs.");
        }

        await state.ReadStateAsync();
        _published = Snapshot();
        LogJobQueued(logger, JobId, spec.TenantId, spec.Total, nextRunAt);
        instruments.OnJobTransition("queued");

        if (_options.RunImmediately)
        {
            await RequestTurnAsync("immediate", Window.EndOf(time.GetUtcNow()));
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

        await RequestTurnAsync("operator", Window.EndOf(time.GetUtcNow()));
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> RetryAsync()
    {
        RequireJob();
        if (S.Status != JobStatus.Error)
        {
            throw new JobStateException($"Job {JobId} is {S.Status.ToWire()}; only a job in error can be retried.");
        }

        var now = time.GetUtcNow();
        var nextRunAt = Window.EndOf(now) is null ? NextWindow(now) : now;
        try
        {
            await CommitAsync(s =>
            {
                s.Status = JobStatus.Queued;
                s.NextRunAt = nextRunAt;
                s.EndedAt = null;
                s.Error = null;
                s.ErrorCode = null;
                s.FailedAttempts = 0;
            });
        }
        catch (Exception ex) when (IsUniqueViolation(ex))
        {
            throw new JobStateException($"Job {JobId} cannot be retried: another open job of the tenant holds the same work.");
        }

        await ArmQueuedReminderAsync(nextRunAt, now);
        LogJobRequeued(logger, JobId, S.Spec!.TenantId, "retry", S.Processed, S.Spec.Total, nextRunAt);
        instruments.OnJobTransition("queued");
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
            // Also a tick after a window opened while no silo was up: reminders never replay a missed tick, but the
            // queued reminder ticks every QueuedCheckPeriod, so the run starts at the next one if the window is still open.
            if (Window.EndOf(now < due ? due : now) is { } windowEnd)
            {
                await RequestTurnAsync(now - due > WindowTolerance ? "missed-window" : "nightly", windowEnd);
            }
            else
            {
                await RequeueAsync("window-passed");
            }
        }
        else if (S.Status == JobStatus.Running && _batchTimer is null && _turnTimer is null)
        {
            // A running activation always has its batch timer (or waits for a turn); should it ever lack both, the
            // recovery tick restores them.
            ResumeRun();
        }
    }

    // A run needs one of this silo's turns (JOBS_MAX_CONCURRENT_PER_SILO); without one the job stays queued and asks
    // again every TurnPollInterval, and the limiter serves the waiting tenants round-robin.
    private async Task RequestTurnAsync(string trigger, DateTimeOffset? windowEnd)
    {
        var tenantId = S.Spec!.TenantId;
        if (turns.TryEnter(tenantId, JobId, Wake))
        {
            await StartTurnAsync(trigger, windowEnd);
            return;
        }

        if (_turnTimer is not null)
        {
            return;
        }

        // Waiting is durable: the job is due now and its reminder ticks every RecoveryPeriod, so should this silo
        // stop, another silo's reminder service wakes the job there and it asks for a turn again.
        var now = time.GetUtcNow();
        if (S.NextRunAt is not { } due || due > now)
        {
            await CommitAsync(s => s.NextRunAt = now);
        }

        await ArmReminderAsync(_options.RecoveryPeriod, _options.RecoveryPeriod);
        LogJobWaitingForTurn(logger, JobId, tenantId, turns.Capacity);
        _turnTimer = this.RegisterGrainTimer(async _ =>
        {
            if (S.Status != JobStatus.Queued)
            {
                StopTurnTimer();
                return;
            }

            if (!turns.TryEnter(tenantId, JobId, Wake))
            {
                return;
            }

            StopTurnTimer();
            if (windowEnd is { } end && time.GetUtcNow() >= end)
            {
                await RequeueAsync("window-end");
                return;
            }

            await StartTurnAsync(trigger, windowEnd);
        }, TurnTimerOptions());
    }

    private async Task StartTurnAsync(string trigger, DateTimeOffset? windowEnd)
    {
        try
        {
            await StartRunAsync(trigger, windowEnd);
        }
        catch
        {
            turns.Exit(JobId);
            throw;
        }
    }

    // A stored running job on a fresh activation: it continues once it holds one of this silo's turns.
    private void ResumeRun()
    {
        var tenantId = S.Spec!.TenantId;
        if (turns.TryEnter(tenantId, JobId, Wake))
        {
            StartBatchTimer(TimeSpan.Zero);
            return;
        }

        _turnTimer ??= this.RegisterGrainTimer(_ =>
        {
            if (S.Status != JobStatus.Running)
            {
                StopTurnTimer();
            }
            else if (turns.TryEnter(tenantId, JobId, Wake))
            {
                StopTurnTimer();
                StartBatchTimer(TimeSpan.Zero);
            }

            return Task.CompletedTask;
        }, TurnTimerOptions());
    }

    // Left with the job's place in line: when a turn frees, the limiter calls it on the freeing job's thread, and it
    // makes this job's turn timer fire now, from this grain's own scheduler, instead of at its next poll.
    private Action Wake => _wake ??= CreateWake();

    private Action CreateWake()
    {
        var context = GrainContext;
        return () =>
        {
            try
            {
                context.Scheduler.QueueAction(() => _turnTimer?.Change(TimeSpan.Zero, _options.TurnPollInterval));
            }
            catch (Exception ex)
            {
                // The activation is going away; should it still wait, its next poll asks anyway.
                LogWakeFailed(logger, ex, JobId);
            }
        };
    }

    private GrainTimerCreationOptions TurnTimerOptions() => new()
    {
        DueTime = _options.TurnPollInterval,
        Period = _options.TurnPollInterval,
        Interleave = false,
        KeepAlive = true,
    };

    private void StopTurnTimer()
    {
        _turnTimer?.Dispose();
        _turnTimer = null;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        DropPrefetch();
        turns.Exit(JobId);
        return Task.CompletedTask;
    }

    // A run ends at windowEnd (between batches) when it is given one; a run started by an operator outside any
    // window has none and stops at the per-turn cap.
    private async Task StartRunAsync(string trigger, DateTimeOffset? windowEnd)
    {
        var now = time.GetUtcNow();
        await CommitAsync(s =>
        {
            s.Status = JobStatus.Running;
            s.RunEndsAt = windowEnd;
            s.StartedAt ??= now;
            s.RunStartedAt = now;
            s.RunProcessed = 0;
            s.FailedAttempts = 0;
            s.NextRunAt = null;
        });
        _runScoring = null;
        DropPrefetch();
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

        if (S.RunEndsAt is { } runEndsAt && time.GetUtcNow() >= runEndsAt)
        {
            await RequeueAsync("window-end");
            return;
        }

        var runCapLeft = _options.MaxRowsPerRun - S.RunProcessed;
        if (runCapLeft <= 0)
        {
            await EndTurnAsync();
            return;
        }

        var limit = (int)Math.Min(_options.BatchSize, runCapLeft);
        var quota = TenantQuota();
        var quotaLeft = long.MaxValue;
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        int rowCount;
        try
        {
            var spec = S.Spec!;
            if (quota is not null)
            {
                quotaLeft = quota.MaxRows - await jobs.ReadTenantWindowRowsAsync(quota.TenantId, quota.WindowEndsAt, cancellationToken);
                limit = (int)Math.Clamp(quotaLeft, 0, limit);
            }

            var batch = limit == 0
                ? null
                : await TakePrefetchedAsync(S.CursorUen, limit) ?? await ReadAndPrepareAsync(spec, S.CursorUen, limit, cancellationToken);
            rowCount = batch?.Rows.Count ?? 0;
            if (batch?.Companies is { } prepared)
            {
                var cursor = batch.Rows[^1].Uen;
                var runProcessed = S.RunProcessed + rowCount;
                var next = Math.Min(Math.Min(_options.BatchSize, _options.MaxRowsPerRun - runProcessed), quotaLeft - rowCount);
                if (rowCount == limit && next > 0)
                {
                    // The run goes on after this batch: its next batch is read and prepared while this one commits.
                    StartPrefetch(spec, cursor, (int)next);
                }

                // The batch's rows and the job's progress are one conditional write of the job's row: both commit or
                // neither does, and a stale activation (its row moved on) writes nothing.
                await CommitAsync(s =>
                {
                    s.Processed += rowCount;
                    s.Batches++;
                    s.CursorUen = cursor;
                    s.RunProcessed += rowCount;
                    s.FailedAttempts = 0;
                    s.PendingBatch = new JobBatchWrite(s.Batches, startedAt, prepared, quota);
                });

                instruments.OnCompaniesProcessed(prepared.Companies.Count, "job");
                instruments.OnBatchCompleted(clock.Elapsed, rowCount);
                LogBatchEnd(logger, JobId, spec.TenantId, S.Batches, rowCount, S.Processed, clock.Elapsed.TotalMilliseconds);
            }
        }
        catch (Exception ex) when (IsQuotaExceeded(ex))
        {
            // Another job of the tenant took the rest of the window's rows first and nothing of this batch was
            // written: the next turn reads what is left of the quota, and stops when nothing is.
            DropPrefetch();
            _batchTimer?.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            DropPrefetch();
            await OnBatchFailedAsync(ex);
            return;
        }

        if (limit == 0)
        {
            // The tenant's jobs reached JOBS_MAX_ROWS_PER_TENANT_PER_WINDOW in this window: continue in the next one.
            await RequeueAsync("tenant-cap");
            return;
        }

        if (rowCount < limit)
        {
            await EndAsync(JobStatus.Done, error: null, errorCode: null);
            LogJobFinish(logger, JobId, S.Spec!.TenantId, S.Processed, S.Batches, (S.EndedAt!.Value - S.StartedAt!.Value).TotalMilliseconds);
        }
        else if (S.RunProcessed >= _options.MaxRowsPerRun)
        {
            await EndTurnAsync();
        }
        else
        {
            _batchTimer?.Change(_options.BatchPause, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task<PreparedBatch> ReadAndPrepareAsync(StagingUpsertJobSpec spec, string? afterUen, int limit, CancellationToken cancellationToken)
    {
        var rows = await registry.ReadBatchAsync(spec.Match, afterUen, spec.SkipUens, limit, cancellationToken);
        if (rows.Count == 0)
        {
            return new PreparedBatch(afterUen, limit, rows, null);
        }

        _runScoring ??= await LoadScoringAsync(spec);
        var prepared = await pipeline.PrepareAsync(new PipelineRequest(spec.TenantId, rows, _runScoring), cancellationToken);
        return new PreparedBatch(afterUen, limit, rows, prepared);
    }

    // Reading and preparing a batch is a registry read and C# work, committing one is mostly PostgreSQL's: overlapped,
    // a run spends about the commit's time per batch instead of the sum. Nothing is written ahead: the prefetched batch
    // commits in its own turn, after the batch before it, and only if the committed cursor is the one it was read after.
    private void StartPrefetch(StagingUpsertJobSpec spec, string? afterUen, int limit)
    {
        DropPrefetch();
        var cancel = new CancellationTokenSource();
        _prefetch = (PrefetchAsync(spec, afterUen, limit, cancel.Token), cancel);
    }

    private async Task<PreparedBatch?> PrefetchAsync(StagingUpsertJobSpec spec, string? afterUen, int limit, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAndPrepareAsync(spec, afterUen, limit, cancellationToken);
        }
        catch (Exception ex)
        {
            // The batch is read again in its own turn, where a failure counts.
            if (!cancellationToken.IsCancellationRequested)
            {
                LogPrefetchFailed(logger, ex, JobId);
            }

            return null;
        }
    }

    // The prefetched batch, when it was read after the committed cursor with the same limit; otherwise null.
    private async Task<PreparedBatch?> TakePrefetchedAsync(string? afterUen, int limit)
    {
        if (_prefetch is not { } prefetch)
        {
            return null;
        }

        _prefetch = null;
        using var cancel = prefetch.Cancel;
        var batch = await prefetch.Batch;
        return batch is not null && batch.AfterUen == afterUen && batch.Limit == limit ? batch : null;
    }

    private void DropPrefetch()
    {
        if (_prefetch is { } prefetch)
        {
            _prefetch = null;
            prefetch.Cancel.Cancel();
        }
    }

    private async Task OnBatchFailedAsync(Exception exception)
    {
        // The commit may have landed although its answer was lost: the row is the one truth, so read it again and
        // the retry continues after whatever did commit (and holds the row's current version).
        var attempt = S.FailedAttempts + 1;
        var batchesBefore = S.Batches;
        try
        {
            await state.ReadStateAsync();
            _published = Snapshot();
        }
        catch (Exception reloadError)
        {
            LogReloadFailed(logger, reloadError, JobId);
        }

        if (S.Status != JobStatus.Running)
        {
            StopBatchTimer();
            return;
        }

        if (S.Batches > batchesBefore)
        {
            _batchTimer?.Change(_options.BatchPause, Timeout.InfiniteTimeSpan);
            return;
        }

        var code = JobErrorCodes.Classify(exception);
        S.FailedAttempts = attempt;
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

    // The turn reached the per-turn cap: inside the window the job yields and takes another turn after others had
    // theirs; outside it (an operator's run) it waits for the next window.
    private Task EndTurnAsync()
    {
        var now = time.GetUtcNow();
        return S.RunEndsAt is { } runEndsAt && now < runEndsAt
            ? RequeueAsync("yield", now + _options.YieldDelay)
            : RequeueAsync("capped");
    }

    private async Task RequeueAsync(string reason, DateTimeOffset? dueAt = null)
    {
        var now = time.GetUtcNow();
        var nextRunAt = dueAt ?? NextWindow(now);
        var runStartedAt = S.Status == JobStatus.Running ? S.RunStartedAt : null;
        await CommitAsync(s =>
        {
            s.Status = JobStatus.Queued;
            s.NextRunAt = nextRunAt;
            s.RunEndsAt = null;
        });
        StopBatchTimer();
        RecordRunEnded(runStartedAt, now);
        await ArmQueuedReminderAsync(nextRunAt, now);
        LogJobRequeued(logger, JobId, S.Spec!.TenantId, reason, S.Processed, S.Spec.Total, nextRunAt);
        instruments.OnJobTransition("queued");
    }

    private async Task EndAsync(JobStatus status, string? error, string? errorCode)
    {
        var now = time.GetUtcNow();
        var runStartedAt = S.Status == JobStatus.Running ? S.RunStartedAt : null;
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

    // Applies a change (a transition, or a batch's progress with its rows) and makes it durable as one conditional
    // write of the job's row; when the write fails, the state goes back to what was last written, so the activation
    // never acts on (or reports) a change that did not happen.
    private async Task CommitAsync(Action<StagingUpsertJobState> change)
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
            changed.PendingBatch = null;
        }

        _published = Snapshot();
    }

    private Task ArmQueuedReminderAsync(DateTimeOffset nextRunAt, DateTimeOffset now)
        => ArmReminderAsync(nextRunAt - now, _options.QueuedCheckPeriod);

    private async Task ArmReminderAsync(TimeSpan dueTime, TimeSpan period)
        => await this.RegisterOrUpdateReminder(ReminderName, Max(dueTime, TimeSpan.Zero), period);

    private async Task DropReminderAsync()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    // Every stop of a run ends its turn, so the turn goes to the next job in line.
    private void StopBatchTimer()
    {
        _batchTimer?.Dispose();
        _batchTimer = null;
        DropPrefetch();
        StopTurnTimer();
        turns.Exit(JobId);
    }

    private NightlyWindow Window => new(_options.NightlyAt, _options.TimeZone, _options.Window);

    private DateTimeOffset NextWindow(DateTimeOffset now) => Window.Next(now);

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

    // The tenant's rows-per-window quota of the current run, when one is set and the run belongs to a window.
    private TenantWindowQuota? TenantQuota()
        => _options.MaxRowsPerTenantPerWindow is { } max && S.RunEndsAt is { } windowEndsAt
            ? new TenantWindowQuota(S.Spec!.TenantId, windowEndsAt, max)
            : null;

    private static bool IsQuotaExceeded(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is TenantWindowQuotaExceededException)
            {
                return true;
            }
        }

        return false;
    }

    // The grain-storage bridge may wrap the provider's exception.
    private static bool IsUniqueViolation(Exception? ex)
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
