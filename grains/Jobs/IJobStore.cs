using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The <c>background_jobs</c> table: job ids, the de-duplication of open work, and the SQL-visible mirror of job grains.
/// </summary>
public interface IJobStore
{
    /// <summary>
    /// Creates a queued job, or returns the open (queued or running) job of this tenant for the same work; creates
    /// nothing when the tenant already has <paramref name="maxOpenPerTenant"/> open jobs (reusing one is always allowed).
    /// </summary>
    /// <returns>The job id; whether this call created it; whether its grain has yet to be scheduled (no window set); null at the cap.</returns>
    Task<(long JobId, bool Created, bool Unscheduled)?> CreateOrReuseAsync(NewJob job, int maxOpenPerTenant, CancellationToken cancellationToken = default);

    /// <summary>Returns the job's row, or null when there is none.</summary>
    Task<JobMirror?> GetAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>Writes a status transition.</summary>
    Task UpdateStatusAsync(JobStatusUpdate update, CancellationToken cancellationToken = default);

    /// <summary>Returns a tenant's jobs, newest first.</summary>
    Task<Page<JobSnapshot>> ListAsync(JobsQueryRequest request, CancellationToken cancellationToken = default);

    /// <summary>Returns the ids of every queued or running job, for the recovery sweep.</summary>
    Task<IReadOnlyList<long>> ListOpenJobIdsAsync(CancellationToken cancellationToken = default);
}
