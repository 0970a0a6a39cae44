namespace IcpSearch.Grains.Import;

/// <summary>
/// Raised when a file cannot be imported at all (missing columns, too many rejects); nothing was written.
/// </summary>
public sealed class ImportFailedException : Exception
{
    public ImportFailedException()
    {
    }

    public ImportFailedException(string message) : base(message)
    {
    }

    public ImportFailedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
