namespace IcpSearch.Grains.Threads;

/// <summary>
/// One constraint of a thread's query in words, with the filters it states.
/// </summary>
/// <param name="Kinds">Gets the filters the words state (see <see cref="FilterKinds"/>); empty when they state none the parser reads.</param>
/// <param name="Words">Gets the words, as the message parser labels the constraint ("Jurong (D22)", "more than 20 officers").</param>
public sealed record QueryConstraint(IReadOnlyList<string> Kinds, string Words);
