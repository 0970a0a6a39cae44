namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// Text forms of <see cref="JobStatus"/> as stored in <c>background_jobs.status</c> and shown by the API.
/// </summary>
public static class JobStatusExtensions
{
    /// <summary>Returns the lower-case wire name, e.g. "queued".</summary>
    public static string ToWire(this JobStatus status) => status switch
    {
        JobStatus.Queued => "queued",
        JobStatus.Running => "running",
        JobStatus.Done => "done",
        JobStatus.Error => "error",
        JobStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Returns whether the job can no longer change.</summary>
    public static bool IsTerminal(this JobStatus status) => status is JobStatus.Done or JobStatus.Error or JobStatus.Cancelled;
}
