namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// A page of a tenant's jobs, newest first.
/// </summary>
/// <param name="TenantId">Gets the tenant.</param>
/// <param name="Limit">Gets the page size, 1 to 200.</param>
/// <param name="AfterJobId">Gets the id of the last job of the previous page, or null for the first page.</param>
/// <param name="Status">Gets the only status to list (e.g. errored jobs), or null for every job.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.JobsQueryRequest")]
public sealed record JobsQueryRequest(string TenantId, int Limit, long? AfterJobId, JobStatus? Status = null);
