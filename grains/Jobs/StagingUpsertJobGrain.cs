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
    ILogger<StagingUpsertJobGrain> logger)
    : JobRowGrain<StagingUpsertJobState>(state, options.Value, instruments, time, ReminderName), IStagingUpsertJobGrain, IRemindable
{
    /// <summary>The job type stored in <c>background_jobs.job_type</c>.</summary>
    public const string JobType = "staging_upsert";

    /// <summary>The service key of the clock jobs read their windows from (the system clock; tests move it).</summary>
    public const string ClockKey = "jobs";

    private const string ReminderName = "staging-upsert";

    // A reminder tick this close to the window counts as the window (ticks are not perfectly punctual).
    private static readonly TimeSpan WindowTolerance = TimeSpan.FromSeconds(5);

    private readonly StagingUpsertJobOptions _options = options.Value;
    private IGrainTimer? _turnTimer;
    private Action? _wake;
    private ScoringContext? _runScoring;
    private (Task<PreparedBatch?> Batch, CancellationTokenSource Cancel)? _prefetch;
    private int _transitionFailures;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Spec is null)
        {
            return Task.CompletedTask;
        }

        Publish();
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
        if (RowExists)
        {
            return Snapshot();
        }

        // The reminder before the row: a caller dying in between leaves a reminder whose first tick finds no row and
        // drops itself, never a row that no reminder will wake.
        var now = Time.GetUtcNow();
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

        await ReadRowAsync();
        LogJobQueued(logger, JobId, spec.TenantId, spec.Total, nextRunAt);
        Instruments.OnJobTransition("queued");

        if (_options.RunImmediately)
        {
            await RequestTurnAsync("immediate", Window.EndOf(Time.GetUtcNow()));
        }

        return Snapshot();
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> RunNowAsync()
    {
        RequireStatus(JobStatus.Queued, "only a queued job can be started");

        await RequestTurnAsync("operator", Window.EndOf(Time.GetUtcNow()));
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> RetryAsync()
    {
        RequireStatus(JobStatus.Error, "only a job in error can be retried");

        var now = Time.GetUtcNow();
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
        Instruments.OnJobTransition("queued");
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

        var now = Time.GetUtcNow();
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
        else if (S.Status == JobStatus.Running && BatchTimer is null && _turnTimer is null)
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
        var now = Time.GetUtcNow();
        if (S.NextRunAt is not { } due || due > now)
        {
            await CommitAsync(s => s.NextRunAt = now);
        }

        await ArmRecoveryReminderAsync();
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
            if (windowEnd is { } end && Time.GetUtcNow() >= end)
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
        var now = Time.GetUtcNow();
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
        Instruments.OnJobTransition("running");
        StartBatchTimer(TimeSpan.Zero);
        await ArmRecoveryReminderAsync();
    }

    protected override async Task RunBatchAsync(CancellationToken cancellationToken)
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
                BatchTimer?.Change(delay, Timeout.InfiniteTimeSpan);
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
        await EndInErrorOrLeaveToRecoveryAsync(JobErrorCodes.StateUnsaved, cause);
    }

    private async Task RunBatchCoreAsync(CancellationToken cancellationToken)
    {
        if (S.Status != JobStatus.Running)
        {
            StopBatchTimer();
            return;
        }

        if (S.RunEndsAt is { } runEndsAt && Time.GetUtcNow() >= runEndsAt)
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
        var startedAt = Time.GetUtcNow();
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

                Instruments.OnCompaniesProcessed(prepared.Companies.Count, "job");
                Instruments.OnBatchCompleted(clock.Elapsed, rowCount);
                LogBatchEnd(logger, JobId, spec.TenantId, S.Batches, rowCount, S.Processed, clock.Elapsed.TotalMilliseconds);
            }
        }
        catch (Exception ex) when (IsQuotaExceeded(ex))
        {
            // Another job of the tenant took the rest of the window's rows first and nothing of this batch was
            // written: the next turn reads what is left of the quota, and stops when nothing is.
            DropPrefetch();
            BatchTimer?.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            DropPrefetch();
            if (await OnBatchFailedAsync(ex, _options.BatchPause) is { } code)
            {
                // Should the error not save, that is a failed transition: RunBatchAsync retries it.
                await EndInErrorAsync(code, ex);
            }

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
            BatchTimer?.Change(_options.BatchPause, Timeout.InfiniteTimeSpan);
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

    // The turn reached the per-turn cap: inside the window the job yields and takes another turn after others had
    // theirs; outside it (an operator's run) it waits for the next window.
    private Task EndTurnAsync()
    {
        var now = Time.GetUtcNow();
        return S.RunEndsAt is { } runEndsAt && now < runEndsAt
            ? RequeueAsync("yield", now + _options.YieldDelay)
            : RequeueAsync("capped");
    }

    private async Task RequeueAsync(string reason, DateTimeOffset? dueAt = null)
    {
        var now = Time.GetUtcNow();
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
        Instruments.OnJobTransition("queued");
    }

    protected override void OnRunEnded(DateTimeOffset now) => RecordRunEnded(S.RunStartedAt, now);

    private void RecordRunEnded(DateTimeOffset? runStartedAt, DateTimeOffset now)
    {
        if (runStartedAt is { } start)
        {
            Instruments.OnRunEnded(now - start);
        }
    }

    private async Task<ScoringContext> LoadScoringAsync(StagingUpsertJobSpec spec)
    {
        var profile = await GrainFactory.GetTenantSearchGrain(spec.TenantId).GetIcpProfileAsync();
        return new ScoringContext(profile, spec.Match.Codes, DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime));
    }

    private Task ArmQueuedReminderAsync(DateTimeOffset nextRunAt, DateTimeOffset now)
        => ArmReminderAsync(nextRunAt - now, _options.QueuedCheckPeriod);

    // Every stop of a run ends its turn, so the turn goes to the next job in line.
    protected override void StopBatchTimer()
    {
        base.StopBatchTimer();
        DropPrefetch();
        StopTurnTimer();
        turns.Exit(JobId);
    }

    private NightlyWindow Window => new(_options.NightlyAt, _options.TimeZone, _options.Window);

    private DateTimeOffset NextWindow(DateTimeOffset now) => Window.Next(now);

    protected override JobSnapshot Snapshot() => new(
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
}
