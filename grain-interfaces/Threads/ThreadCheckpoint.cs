namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// One saved state of a thread: written when a run's input is applied and when its answer is added.
/// </summary>
/// <param name="CheckpointId">Gets the checkpoint id.</param>
/// <param name="ParentId">Gets the checkpoint before it, or null for the first.</param>
/// <param name="RunId">Gets the run that wrote it.</param>
/// <param name="Step">Gets its position in the thread, from 0.</param>
/// <param name="Source">Gets what wrote it: input (the human message) or loop (the answer).</param>
/// <param name="CreatedAt">Gets when it was written.</param>
/// <param name="ValuesJson">Gets the thread's values at that point, as JSON.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.ThreadCheckpoint")]
public sealed record ThreadCheckpoint(
    Guid CheckpointId,
    Guid? ParentId,
    Guid RunId,
    int Step,
    string Source,
    DateTimeOffset CreatedAt,
    string ValuesJson);
