using System.Text.RegularExpressions;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// The text of an SSIC title that a sentence-embedding model sees.
/// </summary>
public static partial class SsicTitleText
{
    /// <summary>Drops "n.e.c." and the dangling end of a title cut short in the source ("... labels and").</summary>
    public static string ForEmbedding(string title)
    {
        var text = NotElsewhereClassified().Replace(title, " ");
        text = DanglingTail().Replace(text, "");
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\bn\.e\.c\.?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotElsewhereClassified();

    [GeneratedRegex(@"[\s,;(]+(?:and|or|with|for|of|the|e\.g\.|including|excluding|mainly|other|in|at|to|from)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DanglingTail();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
