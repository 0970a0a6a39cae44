using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.GrainInterfaces.Threads;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// A conversation thread. Its durable state is its row in <c>threads</c> and its checkpoints (through
/// <see cref="IThreadStore"/>); a run is a chat search of the owning tenant, refined by the thread's current query.
/// </summary>
/// <remarks>
/// Every method interleaves: a run executes in the background of the activation, so status reads, history, waits and
/// cancels are answered while it searches. State changes happen between awaits only, and only the run saves while
/// one is active, so interleaving never races a write.
/// </remarks>
public sealed partial class ThreadGrain(IThreadStore store, TimeProvider time, ILogger<ThreadGrain> logger) : Grain, IThreadGrain
{
    /// <summary>The longest a single wait call blocks.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    private ThreadRecord? _thread;
    private ActiveRun? _active;
    private RunOutcome? _last;

    private Guid ThreadId => this.GetPrimaryKey();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _thread = await store.GetAsync(ThreadId, cancellationToken);
        if (_thread is { Status: "busy" } stale)
        {
            // Runs live in an activation; a busy row in a fresh one means the silo running it died mid-search.
            LogStaleRun(logger, ThreadId, stale.TenantId);
            _thread = await store.SaveAsync(stale with { Status = "error", UpdatedAt = time.GetUtcNow() }, null, stale.Version, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<ThreadSnapshot> CreateAsync(string tenantId, string metadataJson, string ifExists)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (_thread is not null)
        {
            return _thread.TenantId == tenantId && ifExists == "do_nothing"
                ? _thread.ToSnapshot()
                : throw new ThreadExistsException($"Thread {ThreadId} already exists.");
        }

        var now = time.GetUtcNow();
        var thread = new ThreadRecord(ThreadId, tenantId, metadataJson, "idle", now, now, null, 0);
        if (!await store.TryInsertAsync(thread))
        {
            _thread = await store.GetAsync(ThreadId);
            throw new ThreadExistsException($"Thread {ThreadId} already exists.");
        }

        _thread = thread;
        LogCreated(logger, ThreadId, tenantId);
        return thread.ToSnapshot();
    }

    /// <inheritdoc />
    public Task<ThreadSnapshot> GetAsync(string tenantId) => Task.FromResult(Owned(tenantId).ToSnapshot());

    /// <inheritdoc />
    public Task<IReadOnlyList<ThreadCheckpoint>> GetHistoryAsync(string tenantId, int limit, Guid? before)
    {
        Owned(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        return store.HistoryAsync(ThreadId, limit, before);
    }

    /// <inheritdoc />
    public async Task<RunStarted> StartRunAsync(string tenantId, RunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var thread = Owned(tenantId);
        if (_active is not null || thread.Status == "busy")
        {
            throw new ThreadBusyException($"Thread {ThreadId} is already running a search; wait for it or cancel it.");
        }

        // Claimed before the first await, so a second run arriving meanwhile sees the thread busy.
        var run = new ActiveRun(Guid.NewGuid());
        _active = run;
        string values;
        try
        {
            var now = time.GetUtcNow();
            values = ThreadValues.AppendMessages(thread.Head?.ValuesJson, input.MessagesJson);
            var checkpoint = new ThreadCheckpoint(Guid.NewGuid(), thread.Head?.CheckpointId, run.RunId, (thread.Head?.Step ?? -1) + 1, "input", now, values);
            var metadata = ThreadMetadata.WithRun(thread.MetadataJson, input.GraphId, input.AssistantId);
            _thread = await store.SaveAsync(thread with { MetadataJson = metadata, Status = "busy", UpdatedAt = now }, checkpoint, thread.Version);
        }
        catch
        {
            _active = null;
            run.Dispose();
            throw;
        }

        LogRunStarted(logger, ThreadId, tenantId, run.RunId);
        _ = ExecuteAsync(run, tenantId, input);
        return new RunStarted(run.RunId, values);
    }

    /// <inheritdoc />
    public async Task<RunOutcome?> WaitRunAsync(string tenantId, Guid runId, TimeSpan maxWait)
    {
        Owned(tenantId);
        if (_active is { } run && run.RunId == runId)
        {
            try
            {
                return await run.Done.Task.WaitAsync(maxWait > MaxWait ? MaxWait : maxWait, time);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }

        return _last?.RunId == runId ? _last : throw NoSuchRun(runId);
    }

    /// <inheritdoc />
    public async Task<bool> CancelRunAsync(string tenantId, Guid runId)
    {
        var thread = Owned(tenantId);
        if (_active is { } run && run.RunId == runId)
        {
            await run.Cancellation.CancelAsync();
            LogRunCancelled(logger, ThreadId, tenantId, runId);
            return true;
        }

        return _last?.RunId == runId || thread.Head?.RunId == runId ? false : throw NoSuchRun(runId);
    }

    // Runs on the activation's scheduler, interleaved with the calls above; never throws.
    private async Task ExecuteAsync(ActiveRun run, string tenantId, RunInput input)
    {
        RunOutcome outcome;
        var head = _thread!.Head!;
        try
        {
            if (input.AfterSeconds > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(input.AfterSeconds), time, run.Cancellation.Token);
            }

            var composed = QueryComposer.Compose(ThreadValues.ReadQuery(head.ValuesJson), input.Text);
            SearchResult? result = null;
            JobSnapshot? job = null;
            string markdown;
            try
            {
                if (composed.Request is not null)
                {
                    // The search itself cannot be stopped half-way (its writes are idempotent); a cancel stops waiting for it.
                    result = await GrainFactory.GetTenantSearchGrain(tenantId).SearchAsync(composed.Request).WaitAsync(run.Cancellation.Token);
                    if (result.JobId is { } jobId)
                    {
                        job = await GrainFactory.GetGrain<IStagingUpsertJobGrain>(jobId).GetStatusAsync().WaitAsync(run.Cancellation.Token);
                    }
                }

                markdown = AnswerMarkdown.Render(composed, result, job, input.ConsoleUrl);
            }
            catch (InvalidSearchException invalid)
            {
                markdown = $"I could not search that: {invalid.Message}";
            }

            var answer = ThreadValues.AiMessage($"run-{run.RunId}", markdown);
            var values = ThreadValues.WithAnswer(head.ValuesJson, answer, composed.Query, result, job, input.ConsoleUrl);
            var checkpoint = new ThreadCheckpoint(Guid.NewGuid(), head.CheckpointId, run.RunId, head.Step + 1, "loop", time.GetUtcNow(), values);
            _thread = await store.SaveAsync(_thread with { Status = "idle", UpdatedAt = time.GetUtcNow() }, checkpoint, _thread.Version);
            outcome = new RunOutcome(run.RunId, "success", values, answer.ToJsonString(), null, null);
            LogRunEnded(logger, ThreadId, tenantId, run.RunId, "success");
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            outcome = await EndWithoutAnswerAsync(run, head, "idle", "interrupted", null, null);
        }
        catch (Exception ex)
        {
            LogRunFailed(logger, ex, ThreadId, tenantId, run.RunId);
            outcome = await EndWithoutAnswerAsync(run, head, "error", "error", "run_failed", "The search failed; try again in a moment.");
        }

        _last = outcome;
        _active = null;
        run.Done.TrySetResult(outcome);
        run.Dispose();
    }

    private async Task<RunOutcome> EndWithoutAnswerAsync(ActiveRun run, ThreadCheckpoint head, string threadStatus, string runStatus, string? code, string? message)
    {
        try
        {
            _thread = await store.SaveAsync(_thread! with { Status = threadStatus, UpdatedAt = time.GetUtcNow() }, null, _thread!.Version);
        }
        catch (Exception ex)
        {
            // The row stays busy; the next activation of this thread marks it error (see OnActivateAsync).
            LogRunFailed(logger, ex, ThreadId, _thread!.TenantId, run.RunId);
            _thread = _thread with { Status = "error" };
        }

        LogRunEnded(logger, ThreadId, _thread.TenantId, run.RunId, runStatus);
        return new RunOutcome(run.RunId, runStatus, head.ValuesJson, null, code, message);
    }

    private ThreadRecord Owned(string tenantId)
        => _thread is { } thread && thread.TenantId == tenantId
            ? thread
            : throw new ThreadNotFoundException($"Thread {ThreadId} not found.");

    private RunNotFoundException NoSuchRun(Guid runId) => new($"Run {runId} not found on thread {ThreadId}.");
}
