namespace IcpSearch.Grains.Industries;

/// <summary>
/// Corrects misspelt words of a term against the words of the SSIC titles and the alias lexicon ("logstics" →
/// "logistics"), so a typo resolves like the word meant.
/// </summary>
/// <remarks>
/// Only words of at least four letters that appear in no title or alias are corrected, to the nearest known word
/// within one edit (two from nine letters on); an adjacent transposition counts as one edit ("hotles").
/// </remarks>
public sealed class SpellingCorrector
{
    private readonly HashSet<string> _known;
    private readonly Dictionary<int, List<string>> _byLength;

    public SpellingCorrector(IEnumerable<string> texts)
    {
        _known = texts.SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        _byLength = _known.GroupBy(w => w.Length).ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Returns whether at least one word of <paramref name="term"/> is a word of the titles or the lexicon.</summary>
    public bool KnowsAnyWord(string term) => Words(term).Any(_known.Contains);

    /// <summary>Returns the term with its misspelt words corrected, or null when nothing needed correcting.</summary>
    public string? Correct(string term)
    {
        var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var changed = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length < 4 || !word.All(char.IsAsciiLetterLower) || _known.Contains(word))
            {
                continue;
            }

            var limit = word.Length >= 9 ? 2 : 1;
            string? best = null;
            var bestDistance = limit + 1;
            for (var length = word.Length - limit; length <= word.Length + limit; length++)
            {
                foreach (var candidate in _byLength.GetValueOrDefault(length) ?? [])
                {
                    // On a tie the word that keeps the first letter wins: typists rarely miss the first one
                    // ("cnstrction" is construction, not instruction).
                    var distance = Distance(word, candidate, bestDistance + 1);
                    if (distance < bestDistance || (distance == bestDistance && best is not null && best[0] != word[0] && candidate[0] == word[0]))
                    {
                        (best, bestDistance) = (candidate, distance);
                    }
                }
            }

            if (best is not null)
            {
                words[i] = best;
                changed = true;
            }
        }

        return changed ? string.Join(' ', words) : null;
    }

    private static IEnumerable<string> Words(string text)
        => text.ToLowerInvariant().Split([' ', ',', ';', '(', ')', '/', '.', '-', '\'', '’', '&'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && w.All(char.IsAsciiLetterLower));

    // Optimal string alignment distance, giving up (returning cap) once every path exceeds cap - 1.
    private static int Distance(string a, string b, int cap)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin >= cap)
            {
                return cap;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
