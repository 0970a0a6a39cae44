namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// Raised when no thread of the caller's tenant has the requested id.
/// </summary>
[GenerateSerializer, Alias("IcpSearch.ThreadNotFoundException")]
public sealed class ThreadNotFoundException : Exception
{
    public ThreadNotFoundException()
    {
    }

    public ThreadNotFoundException(string message) : base(message)
    {
    }

    public ThreadNotFoundException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
