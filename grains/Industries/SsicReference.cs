using System.Numerics.Tensors;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// One version of the SSIC reference in memory: every row, the 5-digit codes under each heading, and the title
/// vectors of one model, ranked by cosine similarity (about 1,200 × 384 floats; a scan takes well under a millisecond).
/// </summary>
public sealed class SsicReference
{
    private readonly float[] _vectors;
    private readonly int _dimensions;

    public SsicReference(string key, IReadOnlyList<SsicReferenceRow> rows, float[] vectors, int dimensions)
    {
        Key = key;
        Rows = rows;
        _vectors = vectors;
        _dimensions = dimensions;
        ByCode = rows.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        Leaves = rows.Where(r => r.Level == 5).Select(r => r.Code).Order(StringComparer.Ordinal).ToArray();
        Spelling = new SpellingCorrector(rows.Select(r => r.Title).Concat(IndustryAliases.Headings.Keys).Concat(IndustryAliases.NotIndustries));
    }

    /// <summary>Gets the spelling corrector over this reference's title words and the alias lexicon.</summary>
    public SpellingCorrector Spelling { get; }

    /// <summary>Gets the version label and import time this was loaded from: a new import gives a new key.</summary>
    public string Key { get; }

    /// <summary>Gets every row, in the order of the vectors.</summary>
    public IReadOnlyList<SsicReferenceRow> Rows { get; }

    /// <summary>Gets the index of each code in <see cref="Rows"/>.</summary>
    public IReadOnlyDictionary<string, int> ByCode { get; }

    /// <summary>Gets the 5-digit codes, sorted.</summary>
    public IReadOnlyList<string> Leaves { get; }

    /// <summary>Returns the title of a code, or null when the reference has no row for it.</summary>
    public string? TitleOf(string code) => ByCode.TryGetValue(code, out var i) ? Rows[i].Title : null;

    /// <summary>Returns the 5-digit codes a heading (or code) stands for.</summary>
    public IReadOnlyList<string> LeavesOf(string heading)
    {
        if (heading.Length == 1)
        {
            return Leaves.Where(c => SsicHierarchy.SectionOf(c) == heading[0]).ToList();
        }

        var from = BinarySearchFirst(heading);
        var result = new List<string>();
        for (var i = from; i < Leaves.Count && Leaves[i].StartsWith(heading, StringComparison.Ordinal); i++)
        {
            result.Add(Leaves[i]);
        }

        return result;
    }

    /// <summary>Returns the cosine similarity of <paramref name="vector"/> (unit length) to every row's title.</summary>
    public float[] Similarities(float[] vector)
    {
        var result = new float[Rows.Count];
        var span = _vectors.AsSpan();
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = TensorPrimitives.Dot(span.Slice(i * _dimensions, _dimensions), vector);
        }

        return result;
    }

    private int BinarySearchFirst(string prefix)
    {
        int lo = 0, hi = Leaves.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(Leaves[mid], prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
