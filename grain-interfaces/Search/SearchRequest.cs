namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// An industry search: a chat message to extract terms from, or explicit terms.
/// </summary>
/// <param name="Message">Gets the chat message, or null when <paramref name="Terms"/> are given.</param>
/// <param name="Terms">Gets explicit terms, used instead of extracting them from the message.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.SearchRequest")]
public sealed record SearchRequest(string? Message, IReadOnlyList<string>? Terms = null);
