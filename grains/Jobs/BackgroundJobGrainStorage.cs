using System.Globalization;
using Orleans.Storage;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// Grain storage whose records are the rows of <c>background_jobs</c>: a job grain's <see cref="IPersistentState{T}"/>
/// reads and writes its row, and the row's <c>version</c> is the ETag every write is conditional on. There is no
/// second copy of a job's status or progress to keep in step.
/// </summary>
/// <remarks>
/// Rows are created by <see cref="IJobStore.CreateOrReuseAsync"/> (which de-duplicates work and applies the open-jobs
/// cap), never by a first write; a batch attached with <see cref="StagingUpsertJobState.PendingBatch"/> commits with
/// the write.
/// </remarks>
public sealed class BackgroundJobGrainStorage(IJobStore jobs) : IGrainStorage
{
    /// <summary>The storage name job grains use.</summary>
    public const string Name = "jobs";

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = AsJobState(grainState);
        var stored = await jobs.ReadAsync(grainId.GetIntegerKey());
        state.State = stored?.State ?? new StagingUpsertJobState();
        state.ETag = stored?.Version.ToString(CultureInfo.InvariantCulture);
        state.RecordExists = stored is not null;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = AsJobState(grainState);
        if (state.ETag is null)
        {
            throw new InconsistentStateException("A job's row is created through IJobStore.CreateOrReuseAsync, not by a first write.", "", "");
        }

        var expected = long.Parse(state.ETag, CultureInfo.InvariantCulture);
        var job = state.State ?? throw new InvalidOperationException("A job's state is never null.");
        var version = await jobs.WriteAsync(grainId.GetIntegerKey(), job, expected, job.PendingBatch);
        if (version is null)
        {
            throw new InconsistentStateException($"Job {grainId.GetIntegerKey()} has moved on from version {expected}; re-read it.", "unknown", state.ETag);
        }

        state.ETag = version.Value.ToString(CultureInfo.InvariantCulture);
        state.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => throw new NotSupportedException("Jobs end in a terminal status and are pruned by retention; their rows are never cleared by a grain.");

    private static IGrainState<StagingUpsertJobState> AsJobState<T>(IGrainState<T> grainState)
        => grainState as IGrainState<StagingUpsertJobState>
            ?? throw new NotSupportedException($"The {Name} storage holds {nameof(StagingUpsertJobState)} only, not {typeof(T).Name}.");
}
