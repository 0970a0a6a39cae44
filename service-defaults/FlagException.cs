namespace IcpSearch.ServiceDefaults;

/// <summary>
/// Raised when an environment variable holds a value of the wrong shape; the message names the variable.
/// </summary>
public sealed class FlagException : Exception
{
    public FlagException()
    {
    }

    public FlagException(string message) : base(message)
    {
    }

    public FlagException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
