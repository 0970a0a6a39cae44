namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// A thread as the LangGraph API shows it.
/// </summary>
/// <param name="ThreadId">Gets the thread id.</param>
/// <param name="CreatedAt">Gets when the thread was created.</param>
/// <param name="UpdatedAt">Gets when the thread last changed.</param>
/// <param name="MetadataJson">Gets the metadata, a JSON object (a run adds graph_id and assistant_id).</param>
/// <param name="Status">Gets the status: idle, busy or error.</param>
/// <param name="ValuesJson">Gets the values of the newest checkpoint (messages, query, result) as JSON, or null before the first run.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.ThreadSnapshot")]
public sealed record ThreadSnapshot(
    Guid ThreadId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string MetadataJson,
    string Status,
    string? ValuesJson);
