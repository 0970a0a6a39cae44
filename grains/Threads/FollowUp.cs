namespace IcpSearch.Grains.Threads;

/// <summary>
/// A classified message: what it does to the query and the phrases it does it with.
/// </summary>
/// <param name="Kind">Gets what the message does.</param>
/// <param name="Phrases">Gets the industries to add or drop (as the message parser yields them), or the constraint phrases; empty for a new query.</param>
public sealed record FollowUp(FollowUpKind Kind, IReadOnlyList<string> Phrases)
{
    /// <summary>Gets a new query.</summary>
    public static FollowUp NewQuery { get; } = new(FollowUpKind.New, []);
}
