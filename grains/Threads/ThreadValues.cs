using System.Text.Json;
using System.Text.Json.Nodes;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// Builds and reads a thread's values, the JSON object agent-chat-ui renders: <c>messages</c> (LangChain message
/// dicts), <c>query</c> (the current query) and <c>result</c> (the full structured answer of the last search).
/// </summary>
public static class ThreadValues
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Returns <paramref name="valuesJson"/> (or empty values) with the messages of <paramref name="messagesJson"/> appended.</summary>
    public static string AppendMessages(string? valuesJson, string messagesJson)
    {
        var values = Parse(valuesJson);
        var messages = Messages(values);
        foreach (var message in JsonNode.Parse(messagesJson)!.AsArray())
        {
            messages.Add(message?.DeepClone());
        }

        return values.ToJsonString();
    }

    /// <summary>Returns the current query kept in the values, or null when there is none.</summary>
    public static ThreadQuery? ReadQuery(string? valuesJson)
    {
        if (valuesJson is null || Parse(valuesJson)["query"] is not JsonObject query)
        {
            return null;
        }

        try
        {
            // A thread saved before queries were typed (or a query edited by hand) starts over rather than failing.
            return query.Deserialize<ThreadQuery>(Json) is { Industries: not null, Filters: not null, Constraints: not null } read ? read : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Returns the values with the answer appended and the query and structured result replaced.</summary>
    public static string WithAnswer(string valuesJson, JsonObject answer, ThreadQuery query, SearchResult? result, JobSnapshot? job, string consoleUrl)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var values = Parse(valuesJson);
        Messages(values).Add(answer);
        values["query"] = JsonSerializer.SerializeToNode(query, Json);
        if (result is null)
        {
            values.Remove("result");
        }
        else
        {
            var structured = JsonSerializer.SerializeToNode(result, Json)!.AsObject();
            structured["job"] = job is null ? null : new JsonObject
            {
                ["job_id"] = job.JobId,
                ["status"] = job.Status.ToWire(),
                ["total"] = job.Total,
                ["processed"] = job.Processed,
                ["next_run_at"] = job.NextRunAt,
            };
            structured["console_url"] = consoleUrl;
            values["result"] = structured;
        }

        return values.ToJsonString();
    }

    /// <summary>Returns an AI message dict with markdown content.</summary>
    public static JsonObject AiMessage(string id, string content) => new()
    {
        ["type"] = "ai",
        ["id"] = id,
        ["content"] = content,
        ["tool_calls"] = new JsonArray(),
        ["invalid_tool_calls"] = new JsonArray(),
        ["additional_kwargs"] = new JsonObject(),
        ["response_metadata"] = new JsonObject(),
    };

    private static JsonObject Parse(string? valuesJson)
        => valuesJson is null ? new JsonObject() : JsonNode.Parse(valuesJson) as JsonObject ?? new JsonObject();

    private static JsonArray Messages(JsonObject values)
    {
        if (values["messages"] is JsonArray messages)
        {
            return messages;
        }

        var created = new JsonArray();
        values["messages"] = created;
        return created;
    }
}
