using IcpSearch.Gateway.Endpoints.Common;
using IcpSearch.Gateway.Errors;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Gateway.Endpoints.Chat;

/// <summary>
/// The chat: a message naming an industry in, companies handled now and the job for the rest out.
/// </summary>
public static class ChatEndpoints
{
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

    // Length, encoding and control characters are the text rule's (TextInput/TextFields.ChatMessage), checked before binding.
    public static async Task<Results<Ok<ChatResponse>, ProblemHttpResult>> PostChatAsync(ChatRequest request, [AsParameters] GatewayServices services)
    {
        if (string.IsNullOrWhiteSpace(request.Message))
        {
            return Problems.Invalid("message", "message must be a non-empty string.");
        }

        var result = await services.Cluster.GetTenantSearchGrain(services.Tenant.TenantId).SearchAsync(new SearchRequest(request.Message));
        return TypedResults.Ok(ChatResponse.From(result));
    }
}
