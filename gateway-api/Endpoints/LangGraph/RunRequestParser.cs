using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcpSearch.Gateway.Errors;
using IcpSearch.Gateway.TextInput;

namespace IcpSearch.Gateway.Endpoints.LangGraph;

/// <summary>
/// Validates a run body (the SDK's RunCreate): the assistant, the input messages and the few options this server
/// honours. Options it cannot honour (command resume, interrupts, rollback) are refused by name, never ignored silently.
/// </summary>
public static class RunRequestParser
{
    /// <summary>The longest delay a run may ask for with after_seconds.</summary>
    public const double MaxAfterSeconds = 10;

    private static readonly HashSet<string> KnownModes = ["values", "messages-tuple", "messages", "updates", "custom", "events", "debug", "tasks", "checkpoints"];

    /// <summary>Returns the request, or the problem that refuses it.</summary>
    public static (RunRequest? Request, ProblemHttpResult? Problem) Parse(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var assistant = body["assistant_id"] is JsonValue a && a.TryGetValue(out string? id) ? id : null;
        if (!LangGraphAssistant.Is(assistant))
        {
            return (null, Problems.NotFound(ProblemCodes.AssistantNotFound, $"Assistant '{assistant}' not found; this server has one assistant, '{LangGraphAssistant.GraphId}'."));
        }

        if (body["command"] is JsonObject)
        {
            return (null, Problems.Invalid("command", "This server never interrupts a run, so there is nothing to resume: send input.messages instead."));
        }

        foreach (var field in new[] { "interrupt_before", "interrupt_after" })
        {
            if (body[field] is JsonArray { Count: > 0 } or JsonValue)
            {
                return (null, Problems.Invalid(field, $"{field} is not supported: the search runs as one step."));
            }
        }

        var modes = new HashSet<string>(StringComparer.Ordinal);
        switch (body["stream_mode"])
        {
            case null:
                modes.Add("values");
                break;
            case JsonValue single when single.TryGetValue(out string? mode):
                modes.Add(mode);
                break;
            case JsonArray many:
                foreach (var item in many)
                {
                    if (item is not JsonValue v || !v.TryGetValue(out string? mode))
                    {
                        return (null, Problems.Invalid("stream_mode", "stream_mode must be a string or an array of strings."));
                    }

                    modes.Add(mode);
                }

                break;
            default:
                return (null, Problems.Invalid("stream_mode", "stream_mode must be a string or an array of strings."));
        }

        if (modes.FirstOrDefault(m => !KnownModes.Contains(m)) is { } unknown)
        {
            return (null, Problems.Invalid("stream_mode", $"Unknown stream mode '{unknown}'."));
        }

        var after = 0d;
        if (body["after_seconds"] is JsonNode afterNode && !(afterNode is JsonValue av && av.TryGetValue(out after) && after is >= 0 and <= MaxAfterSeconds))
        {
            return (null, Problems.Invalid("after_seconds", $"after_seconds must be a number from 0 to {MaxAfterSeconds}."));
        }

        var (messages, text, problem) = Messages(body["input"]);
        if (problem is not null)
        {
            return (null, problem);
        }

        return (new RunRequest(messages!, text!, modes, after,
            CancelOnDisconnect: Text(body["on_disconnect"]) == "cancel",
            CreateIfMissing: Text(body["if_not_exists"]) == "create"), null);
    }

    // LangChain message dicts as the SDK sends them ({type, content, id}), or OpenAI-style ({role, content}).
    private static (string? Messages, string? Text, ProblemHttpResult? Problem) Messages(JsonNode? input)
    {
        if (input is not JsonObject { } inputObject || inputObject["messages"] is not JsonArray { Count: > 0 } messages)
        {
            return (null, null, Problems.Invalid("input.messages", "input.messages must be a non-empty array of messages."));
        }

        var normalised = new JsonArray();
        string? text = null;
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not JsonObject message)
            {
                return (null, null, Problems.Invalid($"input.messages[{i}]", "Each message must be an object."));
            }

            var copy = message.DeepClone().AsObject();
            var type = (Text(copy["type"]) ?? Text(copy["role"])) switch
            {
                "human" or "user" => "human",
                "ai" or "assistant" => "ai",
                "tool" => "tool",
                "system" => "system",
                var other => other,
            };
            if (type is not ("human" or "ai" or "tool" or "system"))
            {
                return (null, null, Problems.Invalid($"input.messages[{i}].type", "type must be human, ai, tool or system."));
            }

            copy.Remove("role");
            copy["type"] = type;
            // Edited messages arrive without an id; the hook drops what it cannot key.
            if (string.IsNullOrEmpty(Text(copy["id"])))
            {
                copy["id"] = Guid.NewGuid().ToString();
            }

            if (type == "human")
            {
                text = ContentText(copy["content"]);
            }

            normalised.Add(copy);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null, Problems.Invalid("input.messages", "The input needs a human message with text (string content or text blocks)."));
        }

        if (text.Length > TextFields.ChatMessage.MaxLength)
        {
            return (null, null, Problems.Invalid("input.messages", $"The message has {text.Length} characters; at most {TextFields.ChatMessage.MaxLength} are allowed."));
        }

        return (normalised.ToJsonString(), text.Trim(), null);
    }

    private static string? ContentText(JsonNode? content)
    {
        switch (content)
        {
            case JsonValue value when value.TryGetValue(out string? s):
                return s;
            case JsonArray blocks:
                var text = new StringBuilder();
                foreach (var block in blocks)
                {
                    if (block is JsonObject b && Text(b["type"]) == "text" && Text(b["text"]) is { } part)
                    {
                        text.Append(text.Length > 0 ? "\n" : "").Append(part);
                    }
                }

                return text.ToString();
            default:
                return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
