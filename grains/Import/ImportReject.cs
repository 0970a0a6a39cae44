namespace IcpSearch.Grains.Import;

/// <summary>
/// A row an import could not take, with where it was and why.
/// </summary>
/// <param name="Line">The 1-based line of the row in its file (the header is line 1).</param>
/// <param name="Reason">Why the row was rejected.</param>
public sealed record ImportReject(long Line, string Reason);
