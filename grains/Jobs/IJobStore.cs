using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The <c>background_jobs</c> table, which is each job grain's state: ids, creation with de-duplication of open
/// work, conditional writes (a batch's rows commit with the write that records them), and listings.
/// </summary>
public interface IJobStore
{
    /// <summary>Allocates a job id; the job's grain creates its row under it.</summary>
    Task<long> NextJobIdAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the queued job, or returns the open (queued or running) job of this tenant for the same work; creates
    /// nothing when the tenant already has <paramref name="maxOpenPerTenant"/> open jobs (reusing one is always allowed).
    /// </summary>
    /// <returns>The id of the job that holds the work (<see cref="NewJob.JobId"/> when created), or null at the cap.</returns>
    Task<long?> CreateOrReuseAsync(NewJob job, int maxOpenPerTenant, CancellationToken cancellationToken = default);

    /// <summary>Returns the id of the tenant's open (queued or running) job for the same work, or null when there is none.</summary>
    Task<long?> FindOpenAsync(string jobType, StagingUpsertJobSpec spec, CancellationToken cancellationToken = default);

    /// <summary>Returns the job's row as grain state, or null when there is none.</summary>
    Task<StoredJob?> ReadAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the job's state if the row is still at <paramref name="expectedVersion"/>, together with the batch's
    /// rows when there is one, in one transaction.
    /// </summary>
    /// <exception cref="TenantWindowQuotaExceededException">The batch has a quota it would exceed; nothing was written.</exception>
    /// <returns>The row's new version, or null when the row has moved on (or is gone) and nothing was written.</returns>
    Task<long?> WriteAsync(long jobId, StagingUpsertJobState state, long expectedVersion, JobBatchWrite? batch, CancellationToken cancellationToken = default);

    /// <summary>Returns the rows the tenant's jobs have processed in the window that ends at <paramref name="windowEndsAt"/>.</summary>
    Task<long> ReadTenantWindowRowsAsync(string tenantId, DateTimeOffset windowEndsAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes up to <paramref name="limit"/> finished (done, error, cancelled) jobs that ended before
    /// <paramref name="endedBefore"/>, with their batches, and the tenants' row counts of windows that ended before it.
    /// </summary>
    /// <returns>The number of jobs deleted.</returns>
    Task<int> PruneAsync(DateTimeOffset endedBefore, int limit, CancellationToken cancellationToken = default);

    /// <summary>Returns a tenant's jobs (optionally of one status), newest first.</summary>
    Task<Page<JobSnapshot>> ListAsync(JobsQueryRequest request, CancellationToken cancellationToken = default);
}
