using System.Text.Json;
using System.Text.Json.Nodes;

namespace IcpSearch.Gateway.Endpoints.LangGraph;

/// <summary>
/// Reads a LangGraph request body as a JSON object whatever its Content-Type: agent-chat-ui's Next.js passthrough
/// drops the header. An empty body is <c>{}</c>; anything else that is not a JSON object is a 400 invalid_json.
/// </summary>
public static class LangGraphBody
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Returns the body as an object.</summary>
    /// <exception cref="BadHttpRequestException">The body is not a JSON object (413 when it is too large).</exception>
    public static async Task<JsonObject> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return [];
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(buffer.ToArray(), NodeOptions, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.", StatusCodes.Status400BadRequest, ex);
        }

        return node as JsonObject ?? throw new BadHttpRequestException("The request body must be a JSON object.", StatusCodes.Status400BadRequest,
            new JsonException("The request body must be a JSON object."));
    }
}
