namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// Raised when a job cannot make the requested transition from its current status (e.g. run-now on a finished job).
/// </summary>
[GenerateSerializer, Alias("IcpSearch.JobStateException")]
public sealed class JobStateException : Exception
{
    public JobStateException()
    {
    }

    public JobStateException(string message) : base(message)
    {
    }

    public JobStateException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
