using IcpSearch.GrainInterfaces.Threads;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// A run in progress inside a thread grain: its id, the switch that cancels it and the outcome its waiters await.
/// </summary>
public sealed class ActiveRun(Guid runId) : IDisposable
{
    /// <summary>Gets the run id.</summary>
    public Guid RunId { get; } = runId;

    /// <summary>Gets the cancellation of the run.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Gets the outcome, completed once the run has saved its last state.</summary>
    public TaskCompletionSource<RunOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc />
    public void Dispose() => Cancellation.Dispose();
}
