namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// Raised when a run id is not the thread's current or last run.
/// </summary>
[GenerateSerializer, Alias("IcpSearch.RunNotFoundException")]
public sealed class RunNotFoundException : Exception
{
    public RunNotFoundException()
    {
    }

    public RunNotFoundException(string message) : base(message)
    {
    }

    public RunNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
