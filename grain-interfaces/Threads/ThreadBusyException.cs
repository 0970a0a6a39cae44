namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// Raised when a run is requested on a thread whose previous run is still in progress.
/// </summary>
[GenerateSerializer, Alias("IcpSearch.ThreadBusyException")]
public sealed class ThreadBusyException : Exception
{
    public ThreadBusyException()
    {
    }

    public ThreadBusyException(string message) : base(message)
    {
    }

    public ThreadBusyException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
