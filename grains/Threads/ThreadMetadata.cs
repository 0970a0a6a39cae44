using System.Text.Json.Nodes;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// The metadata a run stamps on its thread, as the reference server does: graph_id and assistant_id, which is what
/// agent-chat-ui's thread list searches by.
/// </summary>
public static class ThreadMetadata
{
    /// <summary>Returns <paramref name="metadataJson"/> with graph_id and assistant_id set.</summary>
    public static string WithRun(string metadataJson, string graphId, string assistantId)
    {
        var metadata = JsonNode.Parse(metadataJson) as JsonObject ?? new JsonObject();
        metadata["graph_id"] = graphId;
        metadata["assistant_id"] = assistantId;
        return metadata.ToJsonString();
    }
}
