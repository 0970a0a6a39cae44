namespace IcpSearch.GrainInterfaces.Operations;

/// <summary>
/// One point of a time series.
/// </summary>
/// <param name="At">Gets the start of the bucket.</param>
/// <param name="Value">Gets the value.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.SeriesPoint")]
public sealed record SeriesPoint(DateTimeOffset At, double Value);
