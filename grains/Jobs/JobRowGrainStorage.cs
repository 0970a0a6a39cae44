using System.Globalization;
using Orleans.Storage;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// Grain storage whose records are rows of <c>background_jobs</c>: a job grain's <see cref="IPersistentState{T}"/>
/// reads and writes its row, and the row's <c>version</c> is the ETag every write is conditional on. There is no
/// second copy of a job's status or progress to keep in step. Each job type supplies how its row is read and written.
/// </summary>
/// <remarks>Rows are created by their job store (which de-duplicates work and applies the caps), never by a first write.</remarks>
public abstract class JobRowGrainStorage<TState> : IGrainStorage
    where TState : class, new()
{
    /// <summary>Gets the storage name, for messages.</summary>
    protected abstract string StorageName { get; }

    /// <summary>Gets the store method that creates this job type's rows, for the message of a write without one.</summary>
    protected abstract string CreatedBy { get; }

    /// <summary>Returns the job's state and row version, or null when it has no row.</summary>
    protected abstract Task<(TState State, long Version)?> ReadRowAsync(long jobId);

    /// <summary>Writes the state (and whatever it carries to commit with it) if the row is still at <paramref name="expectedVersion"/>; returns the new version, or null.</summary>
    protected abstract Task<long?> WriteRowAsync(long jobId, TState state, long expectedVersion);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = AsJobState(grainState);
        var stored = await ReadRowAsync(grainId.GetIntegerKey());
        state.State = stored?.State ?? new TState();
        state.ETag = stored?.Version.ToString(CultureInfo.InvariantCulture);
        state.RecordExists = stored is not null;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = AsJobState(grainState);
        if (state.ETag is null)
        {
            throw new InconsistentStateException($"A job's row is created through {CreatedBy}, not by a first write.", "", "");
        }

        var expected = long.Parse(state.ETag, CultureInfo.InvariantCulture);
        var job = state.State ?? throw new InvalidOperationException("A job's state is never null.");
        var jobId = grainId.GetIntegerKey();
        var version = await WriteRowAsync(jobId, job, expected)
            ?? throw new InconsistentStateException($"Job {jobId} has moved on from version {expected}; re-read it.", "unknown", state.ETag);
        state.ETag = version.ToString(CultureInfo.InvariantCulture);
        state.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => throw new NotSupportedException("Jobs end in a terminal status and are pruned by retention; their rows are never cleared by a grain.");

    private IGrainState<TState> AsJobState<T>(IGrainState<T> grainState)
        => grainState as IGrainState<TState>
            ?? throw new NotSupportedException($"The {StorageName} storage holds {typeof(TState).Name} only, not {typeof(T).Name}.");
}
