using System.Text.Json;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.GrainInterfaces.Threads;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace IcpSearch.Gateway.Errors;

/// <summary>
/// Turns every exception into problem+json with a stable code; stack traces never leave the process.
/// </summary>
public sealed partial class GatewayExceptionHandler(IProblemDetailsService problems, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title, detail, field) = Classify(exception, httpContext);
        if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        var problem = new ProblemDetails { Status = status, Type = ProblemCodes.TypeOf(code), Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
        }

        httpContext.Response.StatusCode = status;
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            // The problem writer declines when Accept names no JSON type (e.g. text/csv); an error still gets its problem.
            await TypedResults.Problem(problem).ExecuteAsync(httpContext);
        }

        return true;
    }

    private static (int Status, string Code, string Title, string? Detail, string? Field) Classify(Exception exception, HttpContext httpContext) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (413, ProblemCodes.BodyTooLarge, "The request body is too large.", exception.Message, null),
        BadHttpRequestException { InnerException: JsonException json } =>
            (400, ProblemCodes.InvalidJson, "The request body is not valid JSON for this endpoint.", JsonDetail(json), json.Path),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            (415, ProblemCodes.UnsupportedMediaType, "Send the body as application/json.", exception.Message, null),
        // A missing or null body: the framework's message names the handler's parameter, which means nothing to a client.
        BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest, InnerException: null } when AcceptsJson(httpContext) =>
            (400, ProblemCodes.InvalidJson, "The request body is not valid JSON for this endpoint.", "Send a JSON object as the body.", null),
        BadHttpRequestException bad =>
            (bad.StatusCode, ProblemCodes.ValidationFailed, "The request is invalid.", bad.Message, null),
        InvalidSearchException invalid =>
            (400, ProblemCodes.ValidationFailed, "The request is invalid.", invalid.Message, invalid.Field),
        JobNotFoundException notFound =>
            (404, ProblemCodes.JobNotFound, "Not found.", notFound.Message, null),
        JobStateException state =>
            (409, ProblemCodes.JobState, "The job cannot do that now.", state.Message, null),
        OpenJobsLimitException limit =>
            (429, ProblemCodes.OpenJobsLimit, "Too many open jobs.", limit.Message, null),
        ThreadNotFoundException notFound =>
            (404, ProblemCodes.ThreadNotFound, "Not found.", notFound.Message, null),
        RunNotFoundException notFound =>
            (404, ProblemCodes.RunNotFound, "Not found.", notFound.Message, null),
        ThreadExistsException exists =>
            (409, ProblemCodes.ThreadExists, "The thread already exists.", exists.Message, null),
        // 422, as the LangGraph server answers a run on a busy thread (multitask_strategy reject); never retried.
        ThreadBusyException busy =>
            (422, ProblemCodes.ThreadBusy, "The thread is busy.", busy.Message, null),
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException =>
            (503, ProblemCodes.ClusterUnavailable, "The search cluster is not reachable; try again shortly.", null, null),
        _ => (500, ProblemCodes.Internal, "An unexpected error occurred.", null, null),
    };

    private static bool AcceptsJson(HttpContext httpContext)
        // The exception handler middleware clears the request's endpoint before handlers run; its feature keeps it.
        => (httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint())?.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
            && accepts.ContentTypes.Contains("application/json", StringComparer.OrdinalIgnoreCase);

    // System.Text.Json messages name the JSON path and the expected type, which helps a client fix its body.
    private static string JsonDetail(JsonException json) => json.Message.Split(" Path:", 2)[0];

    [LoggerMessage(EventId = 900, EventName = "unhandled_exception", Level = LogLevel.Error,
        Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
