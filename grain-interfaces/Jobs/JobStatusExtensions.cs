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

    /// <summary>Parses a lower-case wire name such as "error".</summary>
    public static bool TryParseWire(string? text, out JobStatus status)
    {
        (var known, status) = text switch
        {
            "queued" => (true, JobStatus.Queued),
            "running" => (true, JobStatus.Running),
            "done" => (true, JobStatus.Done),
            "error" => (true, JobStatus.Error),
            "cancelled" => (true, JobStatus.Cancelled),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>Returns whether the job has ended (one in error can still be retried).</summary>
    public static bool IsTerminal(this JobStatus status) => status is JobStatus.Done or JobStatus.Error or JobStatus.Cancelled;
}
