namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// Raised when a new job would take a tenant past its cap of open (queued or running) jobs (<c>JOBS_MAX_OPEN_PER_TENANT</c>).
/// </summary>
[GenerateSerializer, Alias("IcpSearch.OpenJobsLimitException")]
public sealed class OpenJobsLimitException : Exception
{
    public OpenJobsLimitException()
    {
    }

    public OpenJobsLimitException(string message) : base(message)
    {
    }

    public OpenJobsLimitException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
