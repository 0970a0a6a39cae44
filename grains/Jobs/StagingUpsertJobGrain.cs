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

    // What status calls see: the state as last persisted. Status calls interleave with batches, and must never
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

        await ReconcileWithMirrorAsync(cancellationToken);
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
        if (mirror.TenantId != spec.TenantId)
        {
            throw new JobStateException($"Job {JobId} belongs to another tenant.");
        }

        var now = time.GetUtcNow();
        S.Spec = spec;
        S.Status = JobStatus.Queued;
        S.CreatedAt = mirror.CreatedAt;
        S.NextRunAt = NextWindow(now);
        await ArmReminderAsync(S.NextRunAt.Value - now, TimeSpan.FromDays(1));
        await SaveAsync();
        LogJobQueued(logger, JobId, spec.TenantId, spec.Total, S.NextRunAt.Value);
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

        // Not interleaved: a batch in flight finishes and commits first, so "cancelled" means "before the next batch".
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
                await ScheduleAsync(orphan.Spec);
            }

            return;
        }

        if (S.Status.IsTerminal())
        {
            return;
        }

        if (await this.GetReminder(ReminderName) is null)
        {
            var now = time.GetUtcNow();
            if (S.Status == JobStatus.Running)
            {
                await ArmReminderAsync(_options.RecoveryPeriod, _options.RecoveryPeriod);
            }
            else
            {
                S.NextRunAt ??= NextWindow(now);
                await ArmReminderAsync(Max(S.NextRunAt.Value - now, TimeSpan.Zero), TimeSpan.FromDays(1));
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
            StartBatchTimer(TimeSpan.Zero);
        }
    }

    private async Task StartRunAsync(string trigger)
    {
        var now = time.GetUtcNow();
        S.Status = JobStatus.Running;
        S.StartedAt ??= now;
        S.RunStartedAt = now;
        S.RunProcessed = 0;
        S.FailedAttempts = 0;
        S.NextRunAt = null;
        _runScoring = null;

        // While running, the reminder ticks often: if this silo dies, another silo's reminder service wakes the
        // grain there and the activation resumes from the last committed cursor.
        await ArmReminderAsync(_options.RecoveryPeriod, _options.RecoveryPeriod);
        await SaveAsync();
        LogJobStart(logger, JobId, S.Spec!.TenantId, trigger, S.Processed, S.Spec.Total);
        instruments.OnJobTransition("running");
        StartBatchTimer(TimeSpan.Zero);
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
            var rows = await registry.ReadMatchesAsync(spec.Match, S.ReadAfter, limit, cancellationToken);
            rowCount = rows.Count;
            if (rowCount > 0)
            {
                _runScoring ??= await LoadScoringAsync(spec);
                var batch = new JobBatchRecord(JobId, S.Batches + 1, S.Processed + rowCount, rows[^1].Cursor, startedAt);
                await pipeline.ProcessAsync(new PipelineRequest(spec.TenantId, rows, _runScoring, batch), cancellationToken);

                S.Processed = batch.ProcessedAfter;
                S.Batches = batch.BatchNo;
                S.Cursor = batch.Cursor;
                S.RunProcessed += rowCount;
                S.FailedAttempts = 0;
                await SaveStateOnlyAsync();

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
            await ReconcileWithMirrorAsync(CancellationToken.None);
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

        try
        {
            await EndAsync(JobStatus.Error, exception.Message, code);
        }
        finally
        {
            LogJobError(logger, exception, JobId, S.Spec!.TenantId, code, S.Processed);
        }
    }

    private async Task RequeueAsync()
    {
        var now = time.GetUtcNow();
        RecordRunEnded(now);
        S.Status = JobStatus.Queued;
        S.NextRunAt = NextWindow(now);
        StopBatchTimer();
        await ArmReminderAsync(S.NextRunAt.Value - now, TimeSpan.FromDays(1));
        await SaveAsync();
        LogJobCapped(logger, JobId, S.Spec!.TenantId, S.Processed, S.Spec.Total, S.NextRunAt.Value);
        instruments.OnJobTransition("queued");
    }

    private async Task EndAsync(JobStatus status, string? error, string? errorCode)
    {
        var now = time.GetUtcNow();
        if (S.Status == JobStatus.Running)
        {
            RecordRunEnded(now);
        }

        S.Status = status;
        S.EndedAt = now;
        S.NextRunAt = null;
        S.Error = error;
        S.ErrorCode = errorCode;
        StopBatchTimer();
        await SaveAsync();
        await DropReminderAsync();
        instruments.OnJobTransition(status.ToWire());
    }

    private void RecordRunEnded(DateTimeOffset now)
    {
        if (S.RunStartedAt is { } runStart)
        {
            instruments.OnRunEnded(now - runStart);
        }
    }

    private async Task<ScoringContext> LoadScoringAsync(StagingUpsertJobSpec spec)
    {
        var profile = await GrainFactory.GetGrain<ITenantSearchGrain>(spec.TenantId).GetIcpProfileAsync();
        return new ScoringContext(profile, spec.Match.Codes, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    private async Task ReconcileWithMirrorAsync(CancellationToken cancellationToken)
    {
        var mirror = await jobs.GetAsync(JobId, cancellationToken);
        if (mirror is not null && mirror.Batches > S.Batches)
        {
            var adopted = mirror.Processed - S.Processed;
            S.RunProcessed += adopted;
            S.Processed = mirror.Processed;
            S.Batches = mirror.Batches;
            S.Cursor = mirror.Cursor;
            LogAdoptedMirror(logger, JobId, mirror.Batches, mirror.Processed);
        }
    }

    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        await jobs.UpdateStatusAsync(new JobStatusUpdate(JobId, S.Status, S.StartedAt, S.EndedAt, S.NextRunAt, S.Error, S.ErrorCode));
        _published = Snapshot();
    }

    private async Task SaveStateOnlyAsync()
    {
        await state.WriteStateAsync();
        _published = Snapshot();
    }

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
