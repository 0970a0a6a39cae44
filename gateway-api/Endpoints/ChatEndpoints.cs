using IcpSearch.Gateway.Errors;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Gateway.Endpoints;

/// <summary>
/// The chat: a message naming an industry in, companies handled now and the job for the rest out.
/// </summary>
public static class ChatEndpoints
{
    /// <summary>The longest message accepted.</summary>
    public const int MaxMessageLength = 4000;

    public static RouteGroupBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/chat").WithTags("Chat");
        group.MapPost("/", PostChatAsync)
            .WithName("Chat")
            .WithSummary("Searches the registry for the industry named in a message.")
            .WithDescription("Upserts, enriches and scores the first matches now (UPSERT_SYNC_LIMIT) and schedules the rest as a staging upsert job.")
            .Accepts<ChatRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    public static async Task<Results<Ok<ChatResponse>, ProblemHttpResult>> PostChatAsync(ChatRequest request, [AsParameters] GatewayServices services)
    {
        if (string.IsNullOrWhiteSpace(request.Message))
        {
            return Problems.Invalid("message", "message must be a non-empty string.");
        }

        if (request.Message.Length > MaxMessageLength)
        {
            return Problems.Invalid("message", $"message has {request.Message.Length} characters; at most {MaxMessageLength} are allowed.");
        }

        if (InvalidTextAt(request.Message) is { } at)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidText, "The message is not plain text.",
                $"message holds a control character or a broken surrogate at position {at}; send plain text.", "message");
        }

        var result = await services.Cluster.GetTenantSearchGrain(services.Tenant.TenantId).SearchAsync(new SearchRequest(request.Message));
        return TypedResults.Ok(ChatResponse.From(result));
    }

    // NUL and other control characters (tabs and line breaks aside) cannot be part of a message an SDR types, and
    // PostgreSQL cannot store NUL at all; a lone surrogate is not text either.
    private static int? InvalidTextAt(string message)
    {
        for (var i = 0; i < message.Length; i++)
        {
            var c = message[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return i;
            }

            if (char.IsHighSurrogate(c) ? i + 1 >= message.Length || !char.IsLowSurrogate(message[++i]) : char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return null;
    }
}
