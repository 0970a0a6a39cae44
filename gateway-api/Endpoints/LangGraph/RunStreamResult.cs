using System.Text;
using System.Text.Json.Nodes;
using IcpSearch.GrainInterfaces.Threads;
using Microsoft.AspNetCore.Http.Features;

namespace IcpSearch.Gateway.Endpoints.LangGraph;

/// <summary>
/// Streams a started run as server-sent events: <c>metadata</c>, <c>values</c> with the input applied, heartbeat
/// comments while the search runs, then the answer as <c>messages</c> tuples (and <c>updates</c>), the final
/// <c>values</c>, or an <c>error</c> event; then the response ends. The thread has saved its final state by then, so
/// the history agent-chat-ui fetches next already holds the answer.
/// </summary>
public sealed partial class RunStreamResult(IThreadGrain thread, string tenantId, Guid threadId, RunStarted started, RunRequest request, ILogger<RunStreamResult> logger) : IResult
{
    /// <summary>How long one wait for the run lasts before a heartbeat comment is sent.</summary>
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(5);

    private int _eventId;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // The SDK reads the run id from here (onRunCreated); no Location, which would invite reconnects to a join endpoint.
        response.Headers.ContentLocation = $"/threads/{threadId}/runs/{started.RunId}";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        try
        {
            await WriteAsync(response, "metadata", new JsonObject { ["run_id"] = started.RunId, ["attempt"] = 1 }, aborted);
            if (request.StreamModes.Contains("values"))
            {
                await WriteAsync(response, "values", JsonNode.Parse(started.ValuesJson), aborted);
            }

            RunOutcome? outcome;
            while ((outcome = await thread.WaitRunAsync(tenantId, started.RunId, HeartbeatEvery).WaitAsync(aborted)) is null)
            {
                await response.WriteAsync(": heartbeat\n\n", aborted);
                await response.Body.FlushAsync(aborted);
            }

            await WriteOutcomeAsync(response, outcome, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; with on_disconnect "continue" (agent-chat-ui's) the run goes on and saves its answer.
            if (request.CancelOnDisconnect)
            {
                await thread.CancelRunAsync(tenantId, started.RunId);
            }
        }
        catch (Exception ex) when (!aborted.IsCancellationRequested)
        {
            // The response has started, so no problem+json can follow; an error event ends the stream cleanly instead
            // of a dropped connection, which the SDK would answer by posting the run again.
            LogStreamFailed(logger, ex, threadId, started.RunId);
            await WriteAsync(response, "error", new JsonObject
            {
                ["error"] = "stream_failed",
                ["message"] = "Lost track of the run; reload the thread to see whether it finished.",
            }, CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 940, EventName = "run_stream_failed", Level = LogLevel.Error,
        Message = "Streaming run {RunId} of thread {ThreadId} failed")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception, Guid threadId, Guid runId);

    private async Task WriteOutcomeAsync(HttpResponse response, RunOutcome outcome, CancellationToken aborted)
    {
        if (outcome.Status == "error")
        {
            await WriteAsync(response, "error", new JsonObject { ["error"] = outcome.ErrorCode, ["message"] = outcome.ErrorMessage }, aborted);
            return;
        }

        if (outcome.AnswerJson is { } answerJson)
        {
            var answer = JsonNode.Parse(answerJson)!.AsObject();
            if (request.StreamModes.Contains("messages-tuple"))
            {
                var tupleMetadata = new JsonObject
                {
                    ["langgraph_node"] = "agent",
                    ["langgraph_step"] = 1,
                    ["run_id"] = outcome.RunId,
                    ["thread_id"] = threadId,
                    ["tags"] = new JsonArray(),
                };
                foreach (var piece in Pieces((string)answer["content"]!))
                {
                    var chunk = new JsonObject { ["type"] = "AIMessageChunk", ["id"] = answer["id"]!.DeepClone(), ["content"] = piece, ["tool_call_chunks"] = new JsonArray() };
                    await WriteAsync(response, "messages", new JsonArray(chunk, tupleMetadata.DeepClone()), aborted);
                }
            }

            if (request.StreamModes.Contains("updates"))
            {
                await WriteAsync(response, "updates", new JsonObject { ["agent"] = new JsonObject { ["messages"] = new JsonArray(answer.DeepClone()) } }, aborted);
            }
        }

        if (request.StreamModes.Contains("values"))
        {
            await WriteAsync(response, "values", JsonNode.Parse(outcome.ValuesJson), aborted);
        }
    }

    // The answer is ready at once; it goes out line by line so the chat fills in as a streamed reply does.
    private static IEnumerable<string> Pieces(string content)
    {
        var start = 0;
        while (start < content.Length)
        {
            var end = content.IndexOf('\n', start);
            end = end < 0 ? content.Length : end + 1;
            yield return content[start..end];
            start = end;
        }
    }

    private async Task WriteAsync(HttpResponse response, string eventName, JsonNode? data, CancellationToken aborted)
    {
        // Every data line must be JSON; the SDK joins data lines and parses them.
        var text = new StringBuilder()
            .Append("event: ").Append(eventName).Append('\n')
            .Append("data: ").Append(data?.ToJsonString() ?? "null").Append('\n')
            .Append("id: ").Append(_eventId++).Append("\n\n")
            .ToString();
        await response.WriteAsync(text, aborted);
        await response.Body.FlushAsync(aborted);
    }
}
