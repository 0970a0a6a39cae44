namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// Raised when a thread is created with an id that is already taken.
/// </summary>
[GenerateSerializer, Alias("IcpSearch.ThreadExistsException")]
public sealed class ThreadExistsException : Exception
{
    public ThreadExistsException()
    {
    }

    public ThreadExistsException(string message) : base(message)
    {
    }

    public ThreadExistsException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
