namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// A position in the match order (live entities first, then UEN); reading resumes strictly after it.
/// </summary>
/// <param name="LiveRank">Gets 0 for a live entity, 1 otherwise.</param>
/// <param name="Uen">Gets the UEN of the last row read.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.MatchCursor")]
public sealed record MatchCursor(short LiveRank, string Uen);
