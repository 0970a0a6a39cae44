using System.Globalization;
using IcpSearch.Gateway.Endpoints.Common;
using IcpSearch.Gateway.Errors;
using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Gateway.Endpoints.Jobs;

/// <summary>
/// Background jobs (staging upserts and ICP re-scores): create a staging upsert, inspect, list (all or one status), cancel,
/// run now, retry. Another tenant's job is always a 404.
/// </summary>
public static class JobsEndpoints
{
    public static RouteGroupBuilder MapJobsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/jobs").WithTags("Jobs");
        group.MapPost("/staging_upsert", CreateStagingUpsertAsync).WithName("CreateStagingUpsertJob")
            .WithSummary("Schedules every registry match of the terms as a staging upsert job.")
            .Accepts<StagingUpsertRequest>("application/json").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/{jobId:long}", GetJobAsync).WithName("GetJob").WithSummary("Returns a job's progress.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListJobsAsync).WithName("ListJobs").WithSummary("Lists this tenant's jobs (or those of one status, e.g. status=error), newest first, one keyset page at a time.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/{jobId:long}/cancel", CancelJobAsync).WithName("CancelJob").WithSummary("Cancels a job before its next batch.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{jobId:long}/retry", RetryJobAsync).WithName("RetryJob").WithSummary("Requeues a job that ended in error, from its last committed batch.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{jobId:long}/run", RunJobAsync).WithName("RunJobNow").WithSummary("Starts a run of a queued job now, capped like a nightly run.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    public static async Task<Results<Accepted<JobCreated>, ProblemHttpResult>> CreateStagingUpsertAsync(
        StagingUpsertRequest request, [AsParameters] GatewayServices services)
    {
        // The grain validates the terms (count, length, letters) and names the offending field; its
        // InvalidSearchException becomes the 400, so the rules live in one place.
        var result = await services.Cluster.GetTenantSearchGrain(services.Tenant.TenantId)
            .EnqueueStagingUpsertAsync(request.Terms?.Select(t => t ?? "").ToList() ?? []);
        return TypedResults.Accepted($"/jobs/{result.JobId}", new JobCreated(result.JobId, result.Reused, result.Total));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetJobAsync(long jobId, [AsParameters] GatewayServices services)
        => await ForOwnJobAsync(jobId, services, action: null);

    public static async Task<Results<Ok<JobPage>, ProblemHttpResult>> ListJobsAsync(string? limit, string? after, string? status, [AsParameters] GatewayServices services)
    {
        JobStatus? only = null;
        if (status is not null)
        {
            if (!JobStatusExtensions.TryParseWire(status, out var parsed))
            {
                return Problems.Invalid("status", "status must be one of queued, running, done, error, cancelled.");
            }

            only = parsed;
        }

        if (!QueryLimit.TryParse(limit, PageLimits.Default, PageLimits.Max, out var size, out var problem))
        {
            return problem;
        }

        long? afterId = null;
        if (after is not null)
        {
            if (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0)
            {
                return Problems.Invalid("after", "after must be the nextCursor of a previous page.");
            }

            afterId = parsed;
        }

        var page = await services.Cluster.GetGrain<IJobQueryGrain>(0).ListAsync(new JobsQueryRequest(services.Tenant.TenantId, size, afterId, only));
        return TypedResults.Ok(new JobPage(page.Items.Select(JobResponse.From).ToList(), page.NextCursor));
    }

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> CancelJobAsync(long jobId, [AsParameters] GatewayServices services)
        => await ForOwnJobAsync(jobId, services, grain => grain.CancelAsync(), grain => grain.CancelAsync());

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> RetryJobAsync(long jobId, [AsParameters] GatewayServices services)
        => await ForOwnJobAsync(jobId, services, grain => grain.RetryAsync(), grain => grain.RetryAsync());

    public static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> RunJobAsync(long jobId, [AsParameters] GatewayServices services)
        => await ForOwnJobAsync(jobId, services, grain => grain.RunNowAsync(), grain => grain.RunNowAsync());

    // The ownership check reads the job first: acting on another tenant's job must look exactly like a missing one.
    // Without an action, that read is the answer. A job id is a staging upsert job or, failing that, a re-scoring job
    // (each grain knows only the rows of its own job type).
    private static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> ForOwnJobAsync(
        long jobId, GatewayServices services, Func<IStagingUpsertJobGrain, Task<JobSnapshot>>? action,
        Func<IRescoreJobGrain, Task<JobSnapshot>>? rescoreAction = null)
    {
        try
        {
            var grain = services.Cluster.GetGrain<IStagingUpsertJobGrain>(jobId);
            JobSnapshot current;
            Func<Task<JobSnapshot>>? act;
            try
            {
                current = await grain.GetStatusAsync();
                act = action is null ? null : () => action(grain);
            }
            catch (JobNotFoundException)
            {
                var rescore = services.Cluster.GetGrain<IRescoreJobGrain>(jobId);
                current = await rescore.GetStatusAsync();
                act = rescoreAction is null ? null : () => rescoreAction(rescore);
            }

            if (current.TenantId != services.Tenant.TenantId)
            {
                return Problems.NotFound(ProblemCodes.JobNotFound, $"Job {jobId} does not exist.");
            }

            return TypedResults.Ok(JobResponse.From(act is null ? current : await act()));
        }
        catch (JobNotFoundException)
        {
            return Problems.NotFound(ProblemCodes.JobNotFound, $"Job {jobId} does not exist.");
        }
    }
}
