namespace IcpSearch.GrainInterfaces.Operations;

/// <summary>
/// A finished unit of work (a batch or a job run) and how long it took.
/// </summary>
/// <param name="DurationMs">Gets the duration in milliseconds.</param>
/// <param name="Rows">Gets the rows it processed.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.DurationSample")]
public sealed record DurationSample(double DurationMs, long Rows);
