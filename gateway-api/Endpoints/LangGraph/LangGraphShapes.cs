using System.Text.Json.Nodes;
using IcpSearch.GrainInterfaces.Threads;

namespace IcpSearch.Gateway.Endpoints.LangGraph;

/// <summary>
/// The JSON shapes of the LangGraph API (Thread, ThreadState), built as nodes so user metadata and values pass
/// through unchanged (no naming policy touches their keys).
/// </summary>
public static class LangGraphShapes
{
    /// <summary>Returns a Thread.</summary>
    public static JsonObject Thread(ThreadSnapshot thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return new JsonObject
        {
            ["thread_id"] = thread.ThreadId,
            ["created_at"] = thread.CreatedAt,
            ["updated_at"] = thread.UpdatedAt,
            ["metadata"] = JsonNode.Parse(thread.MetadataJson),
            ["status"] = thread.Status,
            ["values"] = thread.ValuesJson is null ? null : JsonNode.Parse(thread.ValuesJson),
            ["interrupts"] = new JsonObject(),
        };
    }

    /// <summary>Returns a ThreadState for a checkpoint; <c>next</c> and <c>tasks</c> are empty, as for an idle graph.</summary>
    public static JsonObject State(Guid threadId, ThreadCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new JsonObject
        {
            ["values"] = JsonNode.Parse(checkpoint.ValuesJson),
            ["next"] = new JsonArray(),
            ["tasks"] = new JsonArray(),
            ["metadata"] = new JsonObject
            {
                ["source"] = checkpoint.Source,
                ["step"] = checkpoint.Step,
                ["run_id"] = checkpoint.RunId,
                ["thread_id"] = threadId,
                ["graph_id"] = LangGraphAssistant.GraphId,
                ["assistant_id"] = LangGraphAssistant.AssistantId,
                ["parents"] = new JsonObject(),
            },
            ["created_at"] = checkpoint.CreatedAt,
            ["checkpoint"] = CheckpointRef(threadId, checkpoint.CheckpointId),
            ["parent_checkpoint"] = checkpoint.ParentId is { } parent ? CheckpointRef(threadId, parent) : null,
            ["interrupts"] = new JsonArray(),
        };
    }

    /// <summary>Returns the state of a thread that has no checkpoint yet.</summary>
    public static JsonObject EmptyState() => new()
    {
        ["values"] = new JsonObject(),
        ["next"] = new JsonArray(),
        ["tasks"] = new JsonArray(),
        ["metadata"] = new JsonObject(),
        ["created_at"] = null,
        ["checkpoint"] = null,
        ["parent_checkpoint"] = null,
        ["interrupts"] = new JsonArray(),
    };

    private static JsonObject CheckpointRef(Guid threadId, Guid checkpointId) => new()
    {
        ["thread_id"] = threadId,
        ["checkpoint_ns"] = "",
        ["checkpoint_id"] = checkpointId,
        ["checkpoint_map"] = null,
    };
}
