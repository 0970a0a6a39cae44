namespace IcpSearch.GrainInterfaces.Operations;

/// <summary>
/// Health and metrics reads against the database, for the gateway. A stateless worker; use key 0.
/// </summary>
[Alias("IcpSearch.IOperationsGrain")]
public interface IOperationsGrain : IGrainWithIntegerKey
{
    /// <summary>Returns true when the silo reaches its database.</summary>
    [Alias("PingDatabaseAsync")]
    Task<bool> PingDatabaseAsync();

    /// <summary>Returns job and lead figures, plus batches and jobs finished since the caller's cursors.</summary>
    [Alias("GetJobStatsAsync")]
    Task<JobStats> GetJobStatsAsync(JobStatsRequest request);
}
