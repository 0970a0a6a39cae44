namespace IcpSearch.Grains.Threads;

/// <summary>
/// What a message in a thread does to the thread's current query.
/// </summary>
public enum FollowUpKind
{
    /// <summary>Starts a new query from the message.</summary>
    New,

    /// <summary>Adds industries ("also logistics", "and retail").</summary>
    Add,

    /// <summary>Removes industries or excludes something ("drop retail", "without X", "not X").</summary>
    Drop,

    /// <summary>Adds a constraint ("only in Jurong", "more than 20 officers", "incorporated after 2015").</summary>
    Restrict,
}
