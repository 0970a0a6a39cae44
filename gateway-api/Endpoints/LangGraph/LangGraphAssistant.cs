using System.Text.Json.Nodes;

namespace IcpSearch.Gateway.Endpoints.LangGraph;

/// <summary>
/// The one assistant this server offers: graph <c>agent</c>, the chat search.
/// </summary>
public static class LangGraphAssistant
{
    /// <summary>The graph id (agent-chat-ui's default NEXT_PUBLIC_ASSISTANT_ID).</summary>
    public const string GraphId = "agent";

    /// <summary>
    /// The assistant id: uuid5(graph id, 6ba7b821-9dad-11d1-80b4-00c04fd430c8), as the reference server derives the
    /// default assistant of a graph, so clients that pass either id agree.
    /// </summary>
    public const string AssistantId = "fe096781-5601-53d2-b2f6-0d3403f7e9ca";

    private static readonly DateTimeOffset Created = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Returns whether <paramref name="id"/> names this assistant (its graph id or its uuid).</summary>
    public static bool Is(string? id) => id is GraphId || string.Equals(id, AssistantId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the assistant as the API shows it.</summary>
    public static JsonObject ToJson() => new()
    {
        ["assistant_id"] = AssistantId,
        ["graph_id"] = GraphId,
        ["name"] = GraphId,
        ["description"] = "IcpSearch: describe your ideal customer; get the 10 best-scoring registry companies now and the rest scheduled.",
        ["config"] = new JsonObject(),
        ["context"] = new JsonObject(),
        ["metadata"] = new JsonObject { ["created_by"] = "system" },
        ["version"] = 1,
        ["created_at"] = Created,
        ["updated_at"] = Created,
    };
}
