using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// Read-only job listings; a stateless worker.
/// </summary>
[StatelessWorker]
public sealed class JobQueryGrain(IJobStore store) : Grain, IJobQueryGrain
{
    /// <inheritdoc />
    public Task<Page<JobSnapshot>> ListAsync(JobsQueryRequest request) => store.ListAsync(request);
}
