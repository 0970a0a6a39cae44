using System.Diagnostics;
using System.Text.Json;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Diagnostics;
using IcpSearch.Grains.Pipeline;
using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A re-scoring job as an explicit state machine (running → done | error | cancelled, error → running on retry, and
/// running → running from the first score when a newer profile restarts it). It runs at once, one batch per
/// grain-timer turn, so status calls and restarts are answered between batches; the reminder only resumes a run
/// whose silo went away.
/// </summary>
/// <remarks>
/// Done means every score of the tenant was walked, in company id order, under the profile the job holds, and then
/// every score someone else wrote meanwhile (a search or a staging job, perhaps still on the previous profile) was
/// scored once more: each pass stamps its scores with its start as <c>scored_at</c>, so those are the scores without
/// the stamp. A newer profile restarts the pass (the tenant grain, which saves profiles one at a time, restarts the
/// open job or starts a new one), so a job never reports done under a profile older than the tenant's.
/// </remarks>
public sealed partial class RescoreJobGrain(
    [PersistentState("rescore-job", RescoreJobGrainStorage.Name)] IPersistentState<RescoreJobState> state,
    IRescoreJobStore store,
    IOptions<RescoreJobOptions> options,
    IOptions<StagingUpsertJobOptions> jobOptions,
    GrainInstruments instruments,
    TimeProvider time,
    ILocalSiloDetails silo,
    ILogger<RescoreJobGrain> logger)
    : JobRowGrain<RescoreJobState>(state, jobOptions.Value, instruments, time, ReminderName), IRescoreJobGrain, IRemindable
{
    private const string ReminderName = "rescore";

    private static readonly JsonSerializerOptions ProfileJson = new(JsonSerializerDefaults.Web);

    private readonly int _batchSize = options.Value.BatchSize;
    private (RescoreJobSpec Spec, DateOnly Today, IcpScoreModel Model)? _model;

    // The next batch, read and scored while this one commits.
    private (RescoreJobSpec Spec, DateTimeOffset? NotScoredAt, long After, Task<(IReadOnlyList<RescoreRow> Rows, RescoreBatchWrite? Batch)> Work)? _next;

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
            LogRescoreResumed(logger, JobId, S.Spec.TenantId, S.Processed);
            StartBatchTimer(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<JobSnapshot?> StartAsync(RescoreJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (RowExists)
        {
            return Snapshot();
        }

        // The reminder before the row: a caller dying in between leaves a reminder whose first tick finds no row and
        // drops itself, never a running row that nothing would resume.
        await ArmRecoveryReminderAsync();
        var total = await store.CountScoresAsync(spec.TenantId);
        var now = Time.GetUtcNow();
        var created = await store.CreateAsync(JobId, new RescoreJobState
        {
            Spec = spec,
            Status = JobStatus.Running,
            Total = total,
            CreatedAt = now,
            StartedAt = now,
            PassStartedAt = WholeMicroseconds(now),
        });
        if (created is null)
        {
            // The tenant already has an open re-scoring job: the caller restarts that one.
            await DropReminderAsync();
            DeactivateOnIdle();
            return null;
        }

        await ReadRowAsync();
        Instruments.OnJobTransition("running");
        LogRescoreStart(logger, JobId, spec.TenantId, "profile", total, spec.ProfileSavedAt);
        StartBatchTimer(TimeSpan.Zero);
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task<JobSnapshot?> RestartAsync(RescoreJobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (S.Spec is null || S.Status.IsTerminal())
        {
            return null;
        }

        // Not interleaved: a batch in flight has committed under the older profile, and the walk begins again.
        var total = await store.CountScoresAsync(spec.TenantId);
        await CommitAsync(s =>
        {
            s.Spec = spec;
            s.Status = JobStatus.Running;
            s.Processed = 0;
            s.Total = total;
            s.CursorCompanyId = null;
            s.CatchingUp = false;
            s.PassStartedAt = WholeMicroseconds(Time.GetUtcNow());
            s.FailedAttempts = 0;
            s.NextRunAt = null;
        });
        LogRescoreStart(logger, JobId, spec.TenantId, "restart", total, spec.ProfileSavedAt);
        StartBatchTimer(TimeSpan.Zero);
        await ArmRecoveryReminderAsync();
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> RunNowAsync()
    {
        RequireStatus(JobStatus.Queued, "only a queued job can be started");

        await CommitAsync(s => (s.Status, s.NextRunAt) = (JobStatus.Running, null));
        StartBatchTimer(TimeSpan.Zero);
        await ArmRecoveryReminderAsync();
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task<JobSnapshot> RetryAsync()
    {
        RequireStatus(JobStatus.Error, "only a job in error can be retried");

        // The tenant may have saved a newer profile since (and a newer re-score may have finished under it): the
        // retry then starts over under the current profile, so it never writes scores under an older one.
        var spec = S.Spec!;
        var current = await GrainFactory.GetTenantSearchGrain(spec.TenantId).GetIcpProfileAsync();
        var newer = !SameProfile(current, spec.Profile);
        var total = newer ? await store.CountScoresAsync(spec.TenantId) : S.Total;
        try
        {
            await CommitAsync(s =>
            {
                s.Status = JobStatus.Running;
                s.EndedAt = null;
                s.Error = null;
                s.ErrorCode = null;
                s.FailedAttempts = 0;
                if (newer)
                {
                    s.Spec = spec with { Profile = current, ProfileSavedAt = Time.GetUtcNow() };
                    (s.Processed, s.Total, s.CursorCompanyId, s.CatchingUp) = (0, total, null, false);
                    s.PassStartedAt = WholeMicroseconds(Time.GetUtcNow());
                }
            });
        }
        catch (Exception ex) when (IsUniqueViolation(ex))
        {
            throw new JobStateException($"Job {JobId} cannot be retried: the tenant has another open re-scoring job.");
        }

        Instruments.OnJobTransition("running");
        StartBatchTimer(TimeSpan.Zero);
        await ArmRecoveryReminderAsync();
        return Snapshot();
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Spec is null || S.Status.IsTerminal())
        {
            await DropReminderAsync();
        }
        else if (S.Status == JobStatus.Running && BatchTimer is null)
        {
            StartBatchTimer(TimeSpan.Zero);
        }
    }

    protected override async Task RunBatchAsync(CancellationToken cancellationToken)
    {
        if (S.Status != JobStatus.Running)
        {
            StopBatchTimer();
            return;
        }

        var spec = S.Spec!;
        var catchingUp = S.CatchingUp;
        var notScoredAt = catchingUp ? S.PassStartedAt : null;
        var startedAt = Time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        try
        {
            var (rows, batch) = await TakeOrPrepareAsync(spec, notScoredAt, S.CursorCompanyId, startedAt, cancellationToken);
            var rowCount = rows.Count;
            var last = rowCount < _batchSize;
            if (!last)
            {
                // The next batch is read and scored while this one commits: its keyset range starts after this one.
                _next = (spec, notScoredAt, rows[^1].CompanyId, Prepare(spec, notScoredAt, rows[^1].CompanyId, startedAt, CancellationToken.None));
            }

            if (batch is not null || (last && !catchingUp))
            {
                // The new scores, the cursor and the progress are one conditional write of the job's row: all commit
                // or none does, and a stale activation (its row moved on) writes nothing. The end of the walk starts
                // the catch-up: every score whose scored_at is not this pass's was written by a search or a staging
                // job after the walk read it (possibly under the profile before), and is scored once more.
                await CommitAsync(s =>
                {
                    if (batch is not null)
                    {
                        s.Processed += catchingUp ? 0 : rowCount;
                        s.Batches++;
                        s.CursorCompanyId = rows[^1].CompanyId;
                        s.FailedAttempts = 0;
                        s.PendingBatch = batch with { BatchNo = s.Batches, StartedAt = startedAt };
                    }

                    if (last && !catchingUp)
                    {
                        (s.CatchingUp, s.CursorCompanyId) = (true, null);
                    }
                });
                if (batch is not null)
                {
                    Instruments.OnBatchCompleted(clock.Elapsed, rowCount);
                    LogBatchEnd(logger, JobId, spec.TenantId, S.Batches, rowCount, S.Processed, clock.Elapsed.TotalMilliseconds);
                }
            }

            if (last && catchingUp)
            {
                await EndAsync(JobStatus.Done, error: null, errorCode: null);
                LogRescoreFinish(logger, JobId, spec.TenantId, S.Processed, S.Batches);
                return;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _next = null;
            if (await OnBatchFailedAsync(ex, TimeSpan.Zero) is { } code)
            {
                await EndInErrorOrLeaveToRecoveryAsync(code, ex);
            }

            return;
        }

        BatchTimer?.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    // The prepared next batch is used only if it was read after the job's current cursor for its current profile
    // (a restart resets the cursor and replaces the spec, which discards it).
    private Task<(IReadOnlyList<RescoreRow> Rows, RescoreBatchWrite? Batch)> TakeOrPrepareAsync(
        RescoreJobSpec spec, DateTimeOffset? notScoredAt, long? after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = _next;
        _next = null;
        return next is { } n && ReferenceEquals(n.Spec, spec) && n.NotScoredAt == notScoredAt && n.After == after
            ? n.Work
            : Prepare(spec, notScoredAt, after, now, cancellationToken);
    }

    // Reads and scores off the grain's scheduler (Task.Run), so it overlaps the commit of the batch before; it
    // touches no grain state, only the store and an immutable model.
    private Task<(IReadOnlyList<RescoreRow> Rows, RescoreBatchWrite? Batch)> Prepare(
        RescoreJobSpec spec, DateTimeOffset? notScoredAt, long? after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var model = ModelFor(spec, DateOnly.FromDateTime(now.UtcDateTime));
        var read = store;
        var limit = _batchSize;
        return Task.Run(async () =>
        {
            var rows = await read.ReadScoresAsync(spec.TenantId, after, limit, notScoredAt, cancellationToken);
            return (rows, rows.Count == 0 ? null : Score(model, rows, now));
        }, cancellationToken);
    }

    private IcpScoreModel ModelFor(RescoreJobSpec spec, DateOnly today)
    {
        if (_model is not { } cached || !ReferenceEquals(cached.Spec, spec) || cached.Today != today)
        {
            // No search codes: a profile without target industries grades industry by the verdict each score kept.
            cached = (spec, today, new IcpScoreModel(spec.Profile, [], today));
            _model = cached;
        }

        return cached.Model;
    }

    private static RescoreBatchWrite? Score(IcpScoreModel model, IReadOnlyList<RescoreRow> rows, DateTimeOffset now)
    {
        var ids = new long[rows.Count];
        var scores = new short[rows.Count];
        var buckets = new string[rows.Count];
        var rationales = new string[rows.Count];
        var seen = new DateTime[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var score = model.Score(row.Facts, row.SearchedIndustryGrade ?? IcpScoreModel.Full);
            ids[i] = row.CompanyId;
            scores[i] = (short)score.Score;
            buckets[i] = score.Bucket;
            rationales[i] = score.Rationale;
            seen[i] = row.ScoredAt;
        }

        return new RescoreBatchWrite(0, now, ids, scores, buckets, rationales, seen);
    }

    protected override JobSnapshot Snapshot() => new(
        JobId, NpgsqlRescoreJobStore.JobType, S.Spec!.TenantId, S.Status, S.Processed, Math.Max(S.Total, S.Processed), S.Batches,
        S.Error, S.ErrorCode, S.CreatedAt, S.StartedAt, S.EndedAt, S.NextRunAt, [], silo.SiloAddress.ToString());

    // Timestamps in PostgreSQL have microseconds: the stamp must compare equal once stored.
    private static DateTimeOffset WholeMicroseconds(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % 10), TimeSpan.Zero);

    private static bool SameProfile(IcpProfile a, IcpProfile b)
        => JsonSerializer.Serialize(a, ProfileJson) == JsonSerializer.Serialize(b, ProfileJson);

}
