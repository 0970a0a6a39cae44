namespace IcpSearch.Grains.Database;

/// <summary>
/// Builds LIKE patterns from user text. The text is data, but LIKE gives <c>%</c>, <c>_</c> and <c>\</c> meaning:
/// escaped, a term matches literally.
/// </summary>
public static class LikePattern
{
    /// <summary>Returns <paramref name="text"/> with LIKE's wildcards and escape character escaped.</summary>
    public static string Escape(string text)
        => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Returns a pattern matching any text that contains <paramref name="text"/>.</summary>
    public static string Contains(string text) => "%" + Escape(text) + "%";
}
