namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// A run that has started.
/// </summary>
/// <param name="RunId">Gets the run id.</param>
/// <param name="ValuesJson">Gets the thread's values with the input applied, as JSON.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.RunStarted")]
public sealed record RunStarted(Guid RunId, string ValuesJson);
