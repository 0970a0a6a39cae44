namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// An inclusive range of dates; either end may be open.
/// </summary>
/// <param name="From">Gets the first date allowed, or null for no lower bound.</param>
/// <param name="To">Gets the last date allowed, or null for no upper bound.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.DateRange")]
public sealed record DateRange(DateOnly? From, DateOnly? To);
