namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// Raised when a search, job request or ICP profile is invalid; <see cref="Field"/> names the offending input.
/// </summary>
[GenerateSerializer, Alias("IcpSearch.InvalidSearchException")]
public sealed class InvalidSearchException : Exception
{
    public InvalidSearchException()
    {
    }

    public InvalidSearchException(string message) : base(message)
    {
    }

    public InvalidSearchException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public InvalidSearchException(string field, string message) : base(message)
    {
        Field = field;
    }

    /// <summary>Gets the name of the invalid field, e.g. "terms[2]".</summary>
    [Id(0)]
    public string? Field { get; init; }
}
