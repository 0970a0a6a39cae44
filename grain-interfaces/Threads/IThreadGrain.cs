namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// A LangGraph-style conversation thread owned by one tenant: its metadata, its checkpoints and its runs (chat searches).
/// Keyed by the thread id. Every call names the caller's tenant; another tenant's thread answers as if it did not exist.
/// </summary>
[Alias("IcpSearch.IThreadGrain")]
public interface IThreadGrain : IGrainWithGuidKey
{
    /// <summary>Creates the thread for <paramref name="tenantId"/> with the given metadata.</summary>
    /// <param name="tenantId">The owning tenant.</param>
    /// <param name="metadataJson">The thread's metadata, a JSON object.</param>
    /// <param name="ifExists">What to do when the thread exists: <c>raise</c> (409) or <c>do_nothing</c> (return it).</param>
    /// <returns>The thread.</returns>
    /// <exception cref="ThreadExistsException">The thread exists (or belongs to another tenant) and <paramref name="ifExists"/> is raise.</exception>
    [Alias("CreateAsync")]
    Task<ThreadSnapshot> CreateAsync(string tenantId, string metadataJson, string ifExists);

    /// <summary>Returns the thread, its status and its current values.</summary>
    /// <exception cref="ThreadNotFoundException">No thread of this tenant has this id.</exception>
    [AlwaysInterleave, Alias("GetAsync")]
    Task<ThreadSnapshot> GetAsync(string tenantId);

    /// <summary>Returns the thread's checkpoints, newest first.</summary>
    /// <param name="tenantId">The caller's tenant.</param>
    /// <param name="limit">The most checkpoints returned, 1 to 1,000.</param>
    /// <param name="before">Only checkpoints older than this one, or null.</param>
    /// <exception cref="ThreadNotFoundException">No thread of this tenant has this id.</exception>
    [AlwaysInterleave, Alias("GetHistoryAsync")]
    Task<IReadOnlyList<ThreadCheckpoint>> GetHistoryAsync(string tenantId, int limit, Guid? before);

    /// <summary>
    /// Starts a run: appends the input messages as a first checkpoint, marks the thread busy and searches in the
    /// background. Await its end with <see cref="WaitRunAsync"/>.
    /// </summary>
    /// <exception cref="ThreadNotFoundException">No thread of this tenant has this id.</exception>
    /// <exception cref="ThreadBusyException">Another run of the thread is in progress.</exception>
    [AlwaysInterleave, Alias("StartRunAsync")]
    Task<RunStarted> StartRunAsync(string tenantId, RunInput input);

    /// <summary>Waits up to <paramref name="maxWait"/> for a run to end; returns null while it is still running.</summary>
    /// <remarks>Short waits keep each call well inside the response timeout; the caller sends heartbeats in between.</remarks>
    /// <exception cref="RunNotFoundException">The run is not this thread's current or last run.</exception>
    [AlwaysInterleave, Alias("WaitRunAsync")]
    Task<RunOutcome?> WaitRunAsync(string tenantId, Guid runId, TimeSpan maxWait);

    /// <summary>Cancels a run in progress; the thread keeps the input checkpoint and becomes idle. A run that has ended is left as it is.</summary>
    /// <returns>True when the run was in progress and is now cancelled.</returns>
    /// <exception cref="RunNotFoundException">The run is not this thread's current or last run.</exception>
    [AlwaysInterleave, Alias("CancelRunAsync")]
    Task<bool> CancelRunAsync(string tenantId, Guid runId);
}
