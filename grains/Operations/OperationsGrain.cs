using IcpSearch.GrainInterfaces.Operations;

namespace IcpSearch.Grains.Operations;

/// <summary>
/// Health and metrics reads for the gateway; a stateless worker.
/// </summary>
[StatelessWorker]
public sealed class OperationsGrain(NpgsqlOperationsStore store) : Grain, IOperationsGrain
{
    /// <inheritdoc />
    public Task<bool> PingDatabaseAsync() => store.PingAsync();

    /// <inheritdoc />
    public Task<JobStats> GetJobStatsAsync(JobStatsRequest request) => store.GetJobStatsAsync(request);
}
