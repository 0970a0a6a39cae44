using System.Globalization;
using Orleans.Storage;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// Grain storage whose records are the <c>background_jobs</c> rows of re-scoring jobs, as
/// <see cref="BackgroundJobGrainStorage"/> is for staging upsert jobs: the row's <c>version</c> is the ETag every
/// write is conditional on, and a batch attached with <see cref="RescoreJobState.PendingBatch"/> commits with the write.
/// </summary>
/// <remarks>Rows are created by <see cref="IRescoreJobStore.CreateAsync"/> (one open re-scoring job per tenant), never by a first write.</remarks>
public sealed class RescoreJobGrainStorage(IRescoreJobStore jobs) : IGrainStorage
{
    /// <summary>The storage name re-scoring job grains use.</summary>
    public const string Name = "rescore-jobs";

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = AsJobState(grainState);
        var stored = await jobs.ReadAsync(grainId.GetIntegerKey());
        state.State = stored?.State ?? new RescoreJobState();
        state.ETag = stored?.Version.ToString(CultureInfo.InvariantCulture);
        state.RecordExists = stored is not null;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var state = AsJobState(grainState);
        var job = state.State ?? throw new InvalidOperationException("A job's state is never null.");
        var jobId = grainId.GetIntegerKey();
        if (state.ETag is null)
        {
            throw new InconsistentStateException("A re-scoring job's row is created through IRescoreJobStore.CreateAsync, not by a first write.", "", "");
        }

        var expected = long.Parse(state.ETag, CultureInfo.InvariantCulture);
        var version = await jobs.WriteAsync(jobId, job, expected)
            ?? throw new InconsistentStateException($"Job {jobId} has moved on from version {expected}; re-read it.", "unknown", state.ETag);
        state.ETag = version.ToString(CultureInfo.InvariantCulture);
        state.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => throw new NotSupportedException("Jobs end in a terminal status and are pruned by retention; their rows are never cleared by a grain.");

    private static IGrainState<RescoreJobState> AsJobState<T>(IGrainState<T> grainState)
        => grainState as IGrainState<RescoreJobState>
            ?? throw new NotSupportedException($"The {Name} storage holds {nameof(RescoreJobState)} only, not {typeof(T).Name}.");
}
