namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// An inclusive range of whole numbers; either end may be open.
/// </summary>
/// <param name="Min">Gets the lowest value allowed, or null for no lower bound.</param>
/// <param name="Max">Gets the highest value allowed, or null for no upper bound.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.NumberRange")]
public sealed record NumberRange(int? Min, int? Max);
