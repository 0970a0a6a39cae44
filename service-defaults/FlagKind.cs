namespace IcpSearch.ServiceDefaults;

/// <summary>
/// The value types a flag can hold.
/// </summary>
public enum FlagKind
{
    /// <summary>Any text.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>true/false (also 1/0, yes/no).</summary>
    Boolean,

    /// <summary>A whole number of milliseconds, stored as a TimeSpan.</summary>
    Milliseconds,
}
