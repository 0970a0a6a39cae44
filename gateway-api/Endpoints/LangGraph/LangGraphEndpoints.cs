using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcpSearch.Gateway.Auth;
using IcpSearch.Gateway.Errors;
using IcpSearch.Gateway.Tenancy;
using IcpSearch.GrainInterfaces.Threads;

namespace IcpSearch.Gateway.Endpoints.LangGraph;

/// <summary>
/// The subset of the LangGraph Server API that agent-chat-ui and @langchain/langgraph-sdk use, served at the root:
/// give agent-chat-ui the gateway's base URL. Threads are thread grains; a run is a chat search.
/// </summary>
public static class LangGraphEndpoints
{
    /// <summary>The CORS policy of these routes (the reference server's: any origin, the SDK's headers).</summary>
    public const string CorsPolicy = "LangGraph";

    private const int DefaultLimit = 10;
    private const int MaxLimit = 1000;
    private static readonly string[] Statuses = ["idle", "busy", "interrupted", "error"];

    /// <summary>Adds the CORS policy of these routes.</summary>
    public static IServiceCollection AddLangGraphApi(this IServiceCollection services) => services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
        .AllowAnyOrigin()
        .WithMethods("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS")
        .WithHeaders("content-type", "x-api-key", "x-auth-scheme", "authorization", "last-event-id", TenantResolutionMiddleware.HeaderName)
        .WithExposedHeaders("content-location", "x-pagination-total")));

    public static IEndpointRouteBuilder MapLangGraphEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/info", GetInfo).WithTags("LangGraph").WithName("LangGraphInfo").RequireCors(CorsPolicy)
            .WithSummary("LangGraph server info; agent-chat-ui checks it answers 2xx.");

        var api = app.MapGroup("").WithTags("LangGraph").RequireCors(CorsPolicy)
            .RequireAuthorization(LangGraphAuthentication.Policy).WithMetadata(RequiresTenantMetadata.Instance);
        api.MapPost("/assistants/search", SearchAssistantsAsync).WithName("LangGraphSearchAssistants");
        api.MapGet("/assistants/{assistantId}", GetAssistant).WithName("LangGraphGetAssistant");
        api.MapPost("/threads", CreateThreadAsync).WithName("LangGraphCreateThread");
        api.MapPost("/threads/search", SearchThreadsAsync).WithName("LangGraphSearchThreads")
            .WithSummary("The tenant's threads whose metadata contains the filter, newest first.");
        api.MapGet("/threads/{threadId:guid}", GetThreadAsync).WithName("LangGraphGetThread");
        api.MapGet("/threads/{threadId:guid}/state", GetStateAsync).WithName("LangGraphGetState");
        api.MapPost("/threads/{threadId:guid}/history", GetHistoryAsync).WithName("LangGraphHistory")
            .WithSummary("The thread's checkpoints, newest first.");
        api.MapPost("/threads/{threadId:guid}/runs/stream", StreamRunAsync).WithName("LangGraphStreamRun")
            .WithSummary("Runs a chat search on the thread and streams it as server-sent events.");
        api.MapPost("/threads/{threadId:guid}/runs/{runId:guid}/cancel", CancelRunAsync).WithName("LangGraphCancelRun");
        return app;
    }

    public static JsonHttpResult<JsonObject> GetInfo()
    {
        var version = typeof(LangGraphEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        return TypedResults.Json(new JsonObject
        {
            ["version"] = version.Split('+')[0],
            ["context"] = "icpsearch",
            ["flags"] = new JsonObject { ["assistants"] = true, ["crons"] = false },
        });
    }

    public static async Task<IResult> SearchAssistantsAsync([AsParameters] LangGraphServices services)
    {
        var body = await LangGraphBody.ReadAsync(services.Http.Request);
        var (limit, offset, problem) = Paging(body);
        if (problem is not null)
        {
            return problem;
        }

        var assistant = LangGraphAssistant.ToJson();
        var matches = offset == 0 && limit > 0
            && (Text(body["graph_id"]) is null or LangGraphAssistant.GraphId)
            && (Text(body["name"]) is null or LangGraphAssistant.GraphId)
            && Contains(assistant["metadata"]!.AsObject(), body["metadata"] as JsonObject);
        return TypedResults.Json(matches ? new JsonArray(assistant) : new JsonArray());
    }

    public static IResult GetAssistant(string assistantId)
        => LangGraphAssistant.Is(assistantId)
            ? TypedResults.Json(LangGraphAssistant.ToJson())
            : Problems.NotFound(ProblemCodes.AssistantNotFound, $"Assistant '{assistantId}' not found; this server has one assistant, '{LangGraphAssistant.GraphId}'.");

    public static async Task<IResult> CreateThreadAsync([AsParameters] LangGraphServices services)
    {
        var body = await LangGraphBody.ReadAsync(services.Http.Request);
        var threadId = Guid.NewGuid();
        if (body["thread_id"] is { } given && !(Text(given) is { } text && Guid.TryParse(text, out threadId)))
        {
            return Problems.Invalid("thread_id", "thread_id must be a UUID.");
        }

        if (body["metadata"] is not null and not JsonObject)
        {
            return Problems.Invalid("metadata", "metadata must be a JSON object.");
        }

        var ifExists = Text(body["if_exists"]) ?? "raise";
        if (ifExists is not ("raise" or "do_nothing"))
        {
            return Problems.Invalid("if_exists", "if_exists must be raise or do_nothing.");
        }

        var thread = await services.Cluster.GetGrain<IThreadGrain>(threadId)
            .CreateAsync(services.Tenant.TenantId, (body["metadata"] as JsonObject)?.ToJsonString() ?? "{}", ifExists);
        return TypedResults.Json(LangGraphShapes.Thread(thread));
    }

    public static async Task<IResult> SearchThreadsAsync([AsParameters] LangGraphServices services)
    {
        var body = await LangGraphBody.ReadAsync(services.Http.Request);
        var (limit, offset, problem) = Paging(body);
        if (problem is not null)
        {
            return problem;
        }

        if (body["metadata"] is not null and not JsonObject)
        {
            return Problems.Invalid("metadata", "metadata must be a JSON object.");
        }

        var status = Text(body["status"]);
        if (body["status"] is not null && !Statuses.Contains(status))
        {
            return Problems.Invalid("status", "status must be idle, busy, interrupted or error.");
        }

        if (Text(body["sort_by"]) is { } sortBy && sortBy != "created_at")
        {
            return Problems.Invalid("sort_by", "Threads are sorted by created_at only.");
        }

        if (Text(body["sort_order"]) is { } sortOrder && sortOrder != "desc")
        {
            return Problems.Invalid("sort_order", "Threads are sorted newest first (desc) only.");
        }

        var threads = await services.Cluster.GetGrain<IThreadQueryGrain>(0).SearchAsync(new ThreadSearchRequest(
            services.Tenant.TenantId, (body["metadata"] as JsonObject)?.ToJsonString() ?? "{}", status, limit, offset));
        return TypedResults.Json(new JsonArray([.. threads.Select(t => (JsonNode)LangGraphShapes.Thread(t))]));
    }

    public static async Task<IResult> GetThreadAsync(Guid threadId, [AsParameters] LangGraphServices services)
        => TypedResults.Json(LangGraphShapes.Thread(await services.Cluster.GetGrain<IThreadGrain>(threadId).GetAsync(services.Tenant.TenantId)));

    public static async Task<IResult> GetStateAsync(Guid threadId, [AsParameters] LangGraphServices services)
    {
        var history = await services.Cluster.GetGrain<IThreadGrain>(threadId).GetHistoryAsync(services.Tenant.TenantId, 1, null);
        return TypedResults.Json(history.Count == 0 ? LangGraphShapes.EmptyState() : LangGraphShapes.State(threadId, history[0]));
    }

    public static async Task<IResult> GetHistoryAsync(Guid threadId, [AsParameters] LangGraphServices services)
    {
        var body = await LangGraphBody.ReadAsync(services.Http.Request);
        var limit = DefaultLimit;
        if (body["limit"] is { } limitNode && !(limitNode is JsonValue v && v.TryGetValue(out limit) && limit is >= 1 and <= MaxLimit))
        {
            return Problems.Invalid("limit", $"limit must be a whole number from 1 to {MaxLimit}.");
        }

        Guid? before = null;
        if (body["before"] is JsonObject beforeRef)
        {
            if (!Guid.TryParse(Text(beforeRef["checkpoint_id"]), out var beforeId))
            {
                return Problems.Invalid("before.checkpoint_id", "before.checkpoint_id must be a checkpoint id.");
            }

            before = beforeId;
        }

        var history = await services.Cluster.GetGrain<IThreadGrain>(threadId).GetHistoryAsync(services.Tenant.TenantId, limit, before);
        return TypedResults.Json(new JsonArray([.. history.Select(c => (JsonNode)LangGraphShapes.State(threadId, c))]));
    }

    public static async Task<IResult> StreamRunAsync(Guid threadId, [AsParameters] LangGraphServices services, ILogger<RunStreamResult> logger)
    {
        var body = await LangGraphBody.ReadAsync(services.Http.Request);
        var (request, problem) = RunRequestParser.Parse(body);
        if (problem is not null)
        {
            return problem;
        }

        var tenantId = services.Tenant.TenantId;
        var thread = services.Cluster.GetGrain<IThreadGrain>(threadId);
        var input = new RunInput(request!.MessagesJson, request.Text, LangGraphAssistant.GraphId, LangGraphAssistant.AssistantId, request.AfterSeconds,
            ConsoleUrl(services.Http.Request));
        RunStarted started;
        try
        {
            started = await thread.StartRunAsync(tenantId, input);
        }
        catch (ThreadNotFoundException) when (request.CreateIfMissing)
        {
            await thread.CreateAsync(tenantId, "{}", "do_nothing");
            started = await thread.StartRunAsync(tenantId, input);
        }

        return new RunStreamResult(thread, tenantId, threadId, started, request, logger);
    }

    public static async Task<IResult> CancelRunAsync(Guid threadId, Guid runId, string? wait, string? action, [AsParameters] LangGraphServices services)
    {
        if (action is not (null or "interrupt"))
        {
            return Problems.Invalid("action", "Only action=interrupt is supported: a cancelled run keeps the human message and adds no answer.");
        }

        var thread = services.Cluster.GetGrain<IThreadGrain>(threadId);
        var tenantId = services.Tenant.TenantId;
        await thread.CancelRunAsync(tenantId, runId);
        if (wait is not ("1" or "true"))
        {
            return TypedResults.Accepted((string?)null);
        }

        while (await thread.WaitRunAsync(tenantId, runId, RunStreamResult.HeartbeatEvery) is null)
        {
            services.Http.RequestAborted.ThrowIfCancellationRequested();
        }

        return TypedResults.NoContent();
    }

    // The console is served by this gateway at its root; the answer links there.
    private static string ConsoleUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/";

    private static (int Limit, int Offset, ProblemHttpResult? Problem) Paging(JsonObject body)
    {
        var limit = DefaultLimit;
        var offset = 0;
        if (body["limit"] is { } l && !(l is JsonValue lv && lv.TryGetValue(out limit) && limit is >= 1 and <= MaxLimit))
        {
            return (0, 0, Problems.Invalid("limit", $"limit must be a whole number from 1 to {MaxLimit}."));
        }

        if (body["offset"] is { } o && !(o is JsonValue ov && ov.TryGetValue(out offset) && offset >= 0))
        {
            return (0, 0, Problems.Invalid("offset", "offset must be a whole number of at least 0."));
        }

        return (limit, offset, null);
    }

    // JSON containment of a flat filter (every key equal), as the reference server matches assistant metadata.
    private static bool Contains(JsonObject metadata, JsonObject? filter)
        => filter is null || filter.All(p => metadata[p.Key] is { } value && JsonNode.DeepEquals(value, p.Value));

    private static string? Text(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
