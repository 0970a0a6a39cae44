using System.Text.RegularExpressions;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Search.Understanding;

/// <summary>
/// The working copy of one message while <see cref="MessageParser"/> takes it apart: the lower-cased text with the
/// spans already understood blanked out, and what each pass found.
/// </summary>
/// <remarks>
/// Blanking keeps every position where it was, so a later pass can still read the original casing ("IT" against
/// "it") at the same offset, and a consumed span leaves a clause break ('|') that no phrase runs across.
/// </remarks>
internal sealed class ParseWork(string original)
{
    private readonly char[] _text = original.ToLowerInvariant().ToCharArray();
    private readonly List<(int At, string Label)> _labels = [];
    private readonly List<(int At, string Word)> _unmatched = [];

    public string Original { get; } = original;

    public string Text => new(_text);

    public HashSet<int> Districts { get; } = [];

    public int? MinOfficers { get; set; }

    public int? MaxOfficers { get; set; }

    public DateOnly? IncorporatedFrom { get; set; }

    public DateOnly? IncorporatedTo { get; set; }

    public int? MinAge { get; set; }

    public int? MaxAge { get; set; }

    public List<string> EntityTypes { get; } = [];

    public IReadOnlyList<string> Statuses { get; set; } = ["live"];

    public List<string> Exclude { get; } = [];

    public List<string> NotApplicable { get; } = [];

    /// <summary>Blanks a matched span and records its label.</summary>
    public void Consume(Match match, string? label) => Consume(match.Index, match.Length, label);

    public void Consume(int index, int length, string? label)
    {
        Array.Fill(_text, ' ', index, length);
        _text[index] = '|';
        if (label is not null)
        {
            _labels.Add((index, label));
        }
    }

    public void AddUnmatched(int at, string word) => _unmatched.Add((at, word));

    public void AtLeastOfficers(int value) => MinOfficers = MinOfficers is { } m ? Math.Max(m, value) : value;

    public void AtMostOfficers(int value) => MaxOfficers = MaxOfficers is { } m ? Math.Min(m, value) : value;

    public void IncorporatedOnOrAfter(DateOnly date) => IncorporatedFrom = IncorporatedFrom is { } d && d > date ? d : date;

    public void IncorporatedOnOrBefore(DateOnly date) => IncorporatedTo = IncorporatedTo is { } d && d < date ? d : date;

    public void AgeAtLeast(int years) => MinAge = MinAge is { } m ? Math.Max(m, years) : years;

    public void AgeBelow(int years) => MaxAge = MaxAge is { } m ? Math.Min(m, years) : years;

    public void NotApplicableFor(string what)
    {
        if (!NotApplicable.Contains(what))
        {
            NotApplicable.Add(what);
        }
    }

    public IReadOnlyList<string> Labels() => [.. _labels.OrderBy(l => l.At).Select(l => l.Label).Distinct()];

    public IReadOnlyList<string> Unmatched() => [.. _unmatched.OrderBy(u => u.At).Select(u => u.Word).Distinct().Take(MessageParser.MaxUnmatched)];

    public SearchFilters Filters() => new(
        [.. Districts.Order().Select(d => d.ToString("00", System.Globalization.CultureInfo.InvariantCulture))],
        MinOfficers is null && MaxOfficers is null ? null : new NumberRange(MinOfficers, MaxOfficers),
        IncorporatedFrom is null && IncorporatedTo is null ? null : new DateRange(IncorporatedFrom, IncorporatedTo),
        MinAge is null && MaxAge is null ? null : new NumberRange(MinAge, MaxAge),
        [.. EntityTypes],
        Statuses,
        [.. Exclude],
        [.. NotApplicable]);
}
