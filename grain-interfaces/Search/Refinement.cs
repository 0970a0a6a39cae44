namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// A narrower SSIC heading offered when a search matches many companies, with its own match count.
/// </summary>
/// <param name="Code">Gets the heading's code.</param>
/// <param name="Title">Gets the heading's SSIC title.</param>
/// <param name="Level">Gets the heading's level: division, group, class or subclass.</param>
/// <param name="Count">Gets the number of matching companies under the heading (by primary activity, same filters).</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.Refinement")]
public sealed record Refinement(string Code, string Title, string Level, long Count);
