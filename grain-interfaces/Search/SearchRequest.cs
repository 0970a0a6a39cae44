namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// An industry search: a chat message to understand, explicit terms, or a query already understood.
/// </summary>
/// <param name="Message">Gets the chat message, or null when <paramref name="Terms"/> are given. With <paramref name="Query"/>, it is only what the user wrote (for the notice).</param>
/// <param name="Terms">Gets explicit terms, used instead of extracting them from the message.</param>
/// <param name="Query">Gets a query already understood (a thread's current query), searched instead of parsing the message; null to parse it.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.SearchRequest")]
public sealed record SearchRequest(string? Message, IReadOnlyList<string>? Terms = null, SearchQuery? Query = null);
