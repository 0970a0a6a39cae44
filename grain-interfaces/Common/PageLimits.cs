namespace IcpSearch.GrainInterfaces.Common;

/// <summary>
/// Page size rules shared by every paginated call.
/// </summary>
public static class PageLimits
{
    /// <summary>The page size used when the caller gives none: 50 rows.</summary>
    public const int Default = 50;

    /// <summary>The largest page any call returns: 200 rows.</summary>
    public const int Max = 200;
}
