using IcpSearch.GrainInterfaces.Common;

namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// Read-only job listings from <c>background_jobs</c>. A stateless worker; use key 0.
/// </summary>
[Alias("IcpSearch.IJobQueryGrain")]
public interface IJobQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Returns a tenant's jobs, newest first, one keyset page at a time.</summary>
    [Alias("ListAsync")]
    Task<Page<JobSnapshot>> ListAsync(JobsQueryRequest request);
}
