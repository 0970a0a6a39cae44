using System.Collections.Frozen;
using IcpSearch.Grains.Industries;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Target industries as <see cref="IcpScoreModel"/> grades against them: a section letter stands for its divisions,
/// and the targets are kept as prefixes by length, so "is covered" is four set lookups here and four hashed
/// "= ANY" in SQL rather than a scan of every target per row.
/// </summary>
internal sealed class IndustryTargets
{
    public const int SecondaryGrade = 700;
    public const int DivisionGrade = 500;
    public const int SectionGrade = 200;

    public IndustryTargets(IReadOnlyList<string> targets)
    {
        IsEmpty = targets.Count == 0;
        var prefixes = targets.SelectMany(t => t.Length == 1 ? DivisionsOf(t[0]) : [t]).ToList();
        Covered = [.. Enumerable.Range(2, 4).Select(n => prefixes.Where(p => p.Length == n).ToFrozenSet(StringComparer.Ordinal))];
        Divisions = targets.Where(t => t.Length >= 2).Select(t => t[..2]).ToFrozenSet(StringComparer.Ordinal);
        SectionDivisions = targets.Select(SsicHierarchy.SectionOf).OfType<char>().Distinct().SelectMany(DivisionsOf).ToFrozenSet(StringComparer.Ordinal);
    }

    public bool IsEmpty { get; }

    /// <summary>Gets the 2-, 3-, 4- and 5-digit prefixes a covered code starts with, at index length - 2.</summary>
    public FrozenSet<string>[] Covered { get; }

    /// <summary>Gets the divisions of the numeric targets.</summary>
    public FrozenSet<string> Divisions { get; }

    /// <summary>Gets every division of the targets' sections.</summary>
    public FrozenSet<string> SectionDivisions { get; }

    /// <summary>Returns the industry grade: primary covered, else secondary covered, else same division, else same section.</summary>
    public int Grade(ScoreFacts f)
    {
        var code = f.IndustryCode;
        if (IsCovered(code))
        {
            return IcpScoreModel.Full;
        }

        if (IsCovered(f.SecondaryCode))
        {
            return SecondaryGrade;
        }

        if (code is null || code.Length < 2)
        {
            return 0;
        }

        return Divisions.Contains(code[..2]) ? DivisionGrade : SectionDivisions.Contains(code[..2]) ? SectionGrade : 0;
    }

    private bool IsCovered(string? code)
    {
        if (code is null)
        {
            return false;
        }

        for (var n = 2; n <= 5 && n <= code.Length; n++)
        {
            if (Covered[n - 2].Contains(code[..n]))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> DivisionsOf(char section)
        => SsicHierarchy.Divisions.Keys.Where(d => SsicHierarchy.SectionOf(d) == section);
}
