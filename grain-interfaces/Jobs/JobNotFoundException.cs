namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// Raised when no job exists with the requested id.
/// </summary>
[GenerateSerializer, Alias("IcpSearch.JobNotFoundException")]
public sealed class JobNotFoundException : Exception
{
    public JobNotFoundException()
    {
    }

    public JobNotFoundException(string message) : base(message)
    {
    }

    public JobNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
