namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// The life cycle of a background job.
/// </summary>
[GenerateSerializer, Alias("IcpSearch.JobStatus")]
public enum JobStatus
{
    /// <summary>Waiting for its nightly window (or an operator's run-now).</summary>
    Queued = 0,

    /// <summary>Processing batches.</summary>
    Running = 1,

    /// <summary>Every matched row processed.</summary>
    Done = 2,

    /// <summary>Stopped after a failure that retries did not overcome.</summary>
    Error = 3,

    /// <summary>Stopped by a cancel request; rows already written stay.</summary>
    Cancelled = 4,
}
