using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IcpSearch.Grains.Search;

/// <summary>
/// Turns a chat message into industry terms: split on list separators, lower-cased, stop words and noise removed.
/// </summary>
public static partial class TermExtractor
{
    /// <summary>The most terms one message yields.</summary>
    public const int MaxTerms = 10;

    /// <summary>The most words one term keeps; industry names are short, prose is not.</summary>
    public const int MaxWordsPerTerm = 6;

    // Conversational filler and words that say "a kind of company" without naming one.
    private static readonly FrozenSet<string> StopWords = new[]
    {
        "industry", "industries", "sector", "sectors", "companies", "company", "firms", "firm", "businesses", "business",
        "corporations", "corporation", "enterprises", "enterprise", "players", "space", "market", "markets", "related",
        "the", "a", "an", "in", "of", "for", "me", "us", "find", "show", "list", "get", "give", "search", "looking", "look",
        "want", "need", "please", "some", "any", "all", "singapore", "singaporean", "sg", "local", "based", "that", "which",
        "who", "are", "is", "with", "i", "we", "our", "my", "to", "on", "at", "like", "can", "you", "etc", "other", "others",
        "type", "types", "kind", "kinds", "hi", "hello", "thanks", "thank", "leads", "lead", "prospects", "customers",
        "and", "or",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly SearchValues<char> Separators = SearchValues.Create(",;/\\\n\r|");

    /// <summary>Returns the terms of <paramref name="message"/>, in order of first appearance, at most <see cref="MaxTerms"/>.</summary>
    public static IReadOnlyList<string> Extract(string? message)
    {
        if (string.IsNullOrWhiteSpace(message) || IsUrlOrDomain(message.Trim()))
        {
            return [];
        }

        var terms = new List<string>(MaxTerms);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // A URL inside a sentence would otherwise be cut at its slashes into word-like pieces.
        var withoutUrls = EmbeddedUrlOrDomain().Replace(message.Normalize(NormalizationForm.FormKC), ",");
        foreach (var chunk in SplitOnSeparators(withoutUrls))
        {
            foreach (var piece in AndSeparator().Split(chunk))
            {
                var term = Clean(piece);
                if (term is not null && seen.Add(term))
                {
                    terms.Add(term);
                    if (terms.Count == MaxTerms)
                    {
                        return terms;
                    }
                }
            }
        }

        return terms;
    }

    /// <summary>Normalises explicit terms (as given to the jobs API) the same way, without splitting them.</summary>
    public static string? NormaliseExplicit(string term) => Clean(term.Normalize(NormalizationForm.FormKC), dropStopWords: false);

    /// <summary>Gets the pattern of a URL or domain inside a sentence.</summary>
    internal static Regex EmbeddedUrl => EmbeddedUrlOrDomain();

    /// <summary>Returns whether the text is a URL or a bare domain such as example.com.</summary>
    public static bool IsUrlOrDomain(string text) => UrlOrDomain().IsMatch(text);

    private static IEnumerable<string> SplitOnSeparators(string text)
    {
        var start = 0;
        while (start <= text.Length)
        {
            var rest = text.AsSpan(start);
            var at = rest.IndexOfAny(Separators);
            if (at < 0)
            {
                yield return text[start..];
                yield break;
            }

            yield return text.Substring(start, at);
            start += at + 1;
        }
    }

    private static string? Clean(string piece, bool dropStopWords = true)
    {
        if (IsUrlOrDomain(piece.Trim()))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(piece.Length, 256));
        var words = 0;
        var hasLetter = false;
        foreach (var raw in piece.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = KeepWordCharacters(raw.ToLower(CultureInfo.InvariantCulture));
            if (word.Length == 0 || (dropStopWords && StopWords.Contains(word)))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(word);
            hasLetter |= word.Any(char.IsLetter);
            if (++words == MaxWordsPerTerm)
            {
                break;
            }
        }

        var term = builder.ToString();
        return hasLetter && term.Length >= 2 ? term : null;
    }

    // Letters and digits survive, as do hyphens and apostrophes inside a word (e-commerce, children's);
    // emoji, symbols and SQL meta-characters are dropped here, and terms only ever reach SQL as parameters anyway.
    private static string KeepWordCharacters(string word)
    {
        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (c is '-' or '\'' && builder.Length > 0 && i + 1 < word.Length && char.IsLetterOrDigit(word[i + 1]))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(?:https?|ftp)://\S+|\bwww\.\S+|\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b(?:/\S*)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmbeddedUrlOrDomain();

    [GeneratedRegex(@"\s+(?:and|&)\s+|\s*&\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^(?:(?:https?|ftp)://\S+|www\.\S+|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?::\d+)?(?:/\S*)?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlOrDomain();
}
