using System.Globalization;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Search.Understanding;

/// <summary>
/// Says what a search understood in words: "Manufacturing (section C, 373 codes) · Jurong (D22) · more than 20 officers".
/// </summary>
public static class UnderstandingNotice
{
    /// <summary>The most headings named one by one; the rest are counted.</summary>
    public const int MaxHeadings = 5;

    /// <summary>Returns the summary, or "" when nothing was understood.</summary>
    public static string Summarise(SearchUnderstanding understood, IReadOnlyList<string> constraints)
    {
        var parts = new List<string>();
        foreach (var heading in understood.Industries.Take(MaxHeadings))
        {
            var count = heading.CodeCount == 1 ? "" : $", {heading.CodeCount.ToString("N0", CultureInfo.InvariantCulture)} codes";
            parts.Add($"{Display(heading.Title)} ({heading.Level} {heading.Code}{count})");
        }

        if (understood.Industries.Count > MaxHeadings)
        {
            parts.Add($"and {understood.Industries.Count - MaxHeadings} more headings");
        }

        parts.AddRange(constraints);
        return string.Join(" · ", parts);
    }

    // The SSIC file writes some titles in capitals; a sentence reads better in title case.
    private static string Display(string title)
        => title.Any(char.IsLower) ? title : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(title.ToLowerInvariant());
}
