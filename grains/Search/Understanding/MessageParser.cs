using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IcpSearch.Grains.Search.Understanding;

/// <summary>
/// Takes a chat message apart without a language model: constraints (location, officers, incorporation, age, entity
/// type, status, exclusions, and the employee or revenue wishes the registry cannot answer) become typed filters, the
/// rest splits into industry phrases at lists, frames and prepositions, and every word left over is reported.
/// </summary>
/// <remarks>
/// Passes run from the most specific pattern to the least (ranges with units before bare numbers), each blanking what
/// it understood so no later pass reads it again. A phrase is only ever made of words that no pass understood; the
/// resolver decides whether it names an industry. All patterns are linear or bounded, so hostile input (100 KB of
/// metacharacters) costs one scan per pass.
/// </remarks>
public static partial class MessageParser
{
    /// <summary>The most industry phrases one message yields; later ones are reported as unmatched.</summary>
    public const int MaxPhrases = 10;

    /// <summary>The most words one phrase keeps; a longer run is prose, reported rather than searched.</summary>
    public const int MaxWordsPerPhrase = 6;

    /// <summary>The most unmatched words reported.</summary>
    public const int MaxUnmatched = 20;

    private const string More = @"more\s+than|over|above|greater\s+than|upwards\s+of|in\s+excess\s+of|exceeding";
    private const string AtLeast = @"at\s+least|minimum(?:\s+of)?|min\.?|no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than";
    private const string Less = @"less\s+than|fewer\s+than|under|below";
    private const string AtMost = @"at\s+most|up\s+to|maximum(?:\s+of)?|max\.?|no\s+more\s+than|not\s+more\s+than";
    private const string Comparator = $"(?<cmp>{More}|{AtLeast}|{Less}|{AtMost})";
    private const string OfficerUnit = @"(?:officers?|directors?)";
    private const string YearUnit = @"(?:years?|yrs?)";
    private const string Verb = @"(?:incorporated|founded|established|registered|formed|started|set\s+up|created|est\.?)";
    private const string Year = @"(?<y>(?:19|20)\d{2})";

    // Words that say "a kind of organisation", "please find", or where: never an industry by themselves.
    private static readonly FrozenSet<string> Filler = new[]
    {
        "industry", "industries", "sector", "sectors", "companies", "company", "co", "firms", "firm", "businesses", "business",
        "corporations", "corporation", "enterprises", "organisations", "organizations", "organisation", "organization",
        "entities", "entity", "players", "player", "providers", "provider", "vendors", "vendor", "space", "market", "markets",
        "field", "related", "the", "a", "an", "of", "me", "us", "find", "show", "list", "get", "give", "search", "looking",
        "look", "want", "wants", "need", "needs", "please", "pls", "some", "any", "all", "every", "singapore", "singaporean",
        "sg", "local", "locally", "islandwide", "anywhere", "i", "we", "our", "my", "you", "your", "it", "they", "them", "can",
        "could", "would", "should", "will", "like", "hi", "hello", "hey", "thanks", "thank", "etc", "other", "others", "type",
        "types", "kind", "kinds", "sort", "leads", "lead", "prospects", "prospect", "customers", "customer", "clients",
        "client", "buyers", "accounts", "target", "targeting", "targets", "doing", "do", "does", "done", "are", "is", "be",
        "am", "was", "were", "there", "here", "what", "where", "more", "also", "just", "only", "really", "mainly", "mostly",
        "especially", "specifically", "focused", "focusing", "work", "working", "works", "operate", "operates", "operating",
        "involved", "engaged", "specialising", "specializing", "specialise", "specialize", "specialised", "specialized",
        "names", "name", "help", "interested", "into", "about", "around", "new", "good", "top", "best", "great",
    }.ToFrozenSet(StringComparer.Ordinal);

    // "law firms" is an SDR's name for an industry: the generic noun stays after these.
    private static readonly FrozenSet<string> KeepsGenericNoun = new[]
    {
        "law", "legal", "accounting", "audit", "auditing", "architecture", "architectural", "consulting", "consultancy",
        "engineering", "design", "pr", "security", "investment", "advertising", "recruitment", "staffing",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> GenericNouns = new[] { "firms", "firm", "companies", "company" }.ToFrozenSet(StringComparer.Ordinal);

    // Industry names with "and" inside: a list split must not cut them.
    private static readonly string[] Compounds =
    [
        "food and beverages", "food and beverage", "food & beverage", "food & beverages", "oil and gas", "oil & gas",
        "research and development", "repair and maintenance", "arts and entertainment", "banking and finance",
        "import and export", "printing and publishing", "hotels and restaurants", "real estate and property",
        "wholesale and retail", "transport and storage", "transportation and storage", "accommodation and food",
    ];

    private static readonly Regex PlaceNames = BuildAlternation(SingaporePlaces.Places.Keys, @"\b(?<p>", @")\b(?:\s+(?:area|estate|town|new\s+town))?");

    private static readonly Regex RegionNames = BuildAlternation(SingaporePlaces.RegionWords.Keys,
        @"(?:\b(?:in|at)\s+(?:the\s+)?|\bthe\s+)(?<r>", @")\b(?:\s+(?:region|area|side|part)(?:\s+of\s+(?:singapore|sg))?)?");

    private static readonly Regex RegionWithNoun = BuildAlternation(SingaporePlaces.RegionWords.Keys,
        @"\b(?<r>", @")\s+(?:region|area|side|part|singapore)\b");

    /// <summary>Parses <paramref name="message"/>; ages stay in years ("less than 3 years old"), for the search to date.</summary>
    public static ParsedMessage Parse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return new ParsedMessage([], new ParseWork("").Filters(), [], []);
        }

        var work = new ParseWork(Normalise(message));
        TakeUrls(work);
        TakeNotApplicable(work);
        TakeEntityTypes(work);
        TakeStatuses(work);
        TakeAges(work);
        TakeIncorporation(work);
        TakeOfficers(work);
        TakeLocations(work);
        TakeFrames(work);
        TakeExclusions(work);
        var phrases = TakePhrases(work);
        return new ParsedMessage(phrases, work.Filters(), work.Labels(), work.Unmatched());
    }

    // NFKC folds full-width digits and ligatures; dashes and quotes become their ASCII forms; line breaks stay (they
    // end a phrase); other control and format characters (NUL, bidi marks, zero-width joiners) become spaces.
    private static string Normalise(string message)
    {
        var text = message.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u2018' or '\u2019' or '\u02bc' => '\'',
                '\u201c' or '\u201d' => '"',
                '\n' or '\r' => '\n',
                _ when char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static void TakeUrls(ParseWork work)
    {
        foreach (Match m in TermExtractor.EmbeddedUrl.Matches(work.Text))
        {
            work.AddUnmatched(m.Index, Truncate(work.Original.Substring(m.Index, m.Length)));
            work.Consume(m, null);
        }
    }

    private static void TakeNotApplicable(ParseWork work)
    {
        foreach (Match m in Employees().Matches(work.Text))
        {
            work.NotApplicableFor("employees");
            work.Consume(m, "employees: not in the registry");
        }

        foreach (Match m in Revenue().Matches(work.Text))
        {
            work.NotApplicableFor("revenue");
            work.Consume(m, "revenue: not in the registry");
        }

        foreach (Match m in Money().Matches(work.Text))
        {
            work.NotApplicableFor("revenue");
            work.Consume(m, "revenue: not in the registry");
        }

        foreach (Match m in Size().Matches(work.Text))
        {
            work.NotApplicableFor("size");
            work.Consume(m, "company size: not in the registry");
        }
    }

    private static void TakeEntityTypes(ParseWork work)
    {
        (Regex Pattern, string Type, string Label)[] kinds =
        [
            (PrivateLimited(), "private_limited", "Pte Ltd"),
            (Llp(), "llp", "LLP"),
            (SoleProprietorship(), "sole_proprietorship", "sole proprietorships"),
            (Partnership(), "partnership", "partnerships"),
            (ForeignCompany(), "foreign_company", "foreign companies"),
            (PublicCompany(), "public_company", "public companies"),
        ];
        foreach (var (pattern, type, label) in kinds)
        {
            foreach (Match m in pattern.Matches(work.Text))
            {
                if (!work.EntityTypes.Contains(type))
                {
                    work.EntityTypes.Add(type);
                }

                work.Consume(m, label);
            }
        }
    }

    private static void TakeStatuses(ParseWork work)
    {
        foreach (Match m in AnyStatus().Matches(work.Text))
        {
            work.Statuses = [];
            work.Consume(m, "any status");
        }

        foreach (Match m in InactiveStatus().Matches(work.Text))
        {
            work.Statuses = ["inactive"];
            work.Consume(m, "no longer live");
        }

        foreach (Match m in LiveStatus().Matches(work.Text))
        {
            work.Consume(m, null);
        }
    }

    private static void TakeAges(ParseWork work)
    {
        foreach (Match m in AgeRange().Matches(work.Text))
        {
            if (TryNumber(m.Groups["a"], out var a) && TryNumber(m.Groups["b"], out var b) && a <= b)
            {
                work.AgeAtLeast(a);
                work.AgeBelow(b);
                work.Consume(m, $"{a} to {b} years old");
            }
        }

        foreach (Match m in AgeCompared().Matches(work.Text))
        {
            if (!TryNumber(m.Groups["n"], out var n))
            {
                continue;
            }

            var cmp = Squash(m.Groups["cmp"].Value);
            var atLeast = cmp is "older than" || IsMore(cmp) || IsAtLeast(cmp);
            if (atLeast)
            {
                work.AgeAtLeast(n);
            }
            else
            {
                work.AgeBelow(n);
            }

            work.Consume(m, atLeast ? $"at least {n} years old" : $"less than {n} years old");
        }

        foreach (Match m in AgeRecent().Matches(work.Text))
        {
            if (TryNumber(m.Groups["n"], out var n))
            {
                work.AgeBelow(n);
                work.Consume(m, $"less than {n} years old");
            }
        }

        foreach (Match m in AgePlus().Matches(work.Text))
        {
            if (TryNumber(m.Groups["n"], out var n))
            {
                work.AgeAtLeast(n);
                work.Consume(m, $"at least {n} years old");
            }
        }

        foreach (Match m in AgeExact().Matches(work.Text))
        {
            if (TryNumber(m.Groups["n"], out var n))
            {
                work.AgeAtLeast(n);
                work.AgeBelow(n + 1);
                work.Consume(m, $"{n} years old");
            }
        }
    }

    private static void TakeIncorporation(ParseWork work)
    {
        foreach (Match m in YearRange().Matches(work.Text))
        {
            var from = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var to = int.Parse(m.Groups["z"].Value, CultureInfo.InvariantCulture);
            if (from <= to)
            {
                work.IncorporatedOnOrAfter(new DateOnly(from, 1, 1));
                work.IncorporatedOnOrBefore(new DateOnly(to, 12, 31));
                work.Consume(m, $"incorporated {from}–{to}");
            }
        }

        foreach (Match m in YearAfter().Matches(work.Text))
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var strictlyAfter = Squash(m.Groups["w"].Value) is "after" or "post";
            work.IncorporatedOnOrAfter(new DateOnly(strictlyAfter ? year + 1 : year, 1, 1));
            work.Consume(m, strictlyAfter ? $"incorporated after {year}" : $"incorporated since {year}");
        }

        foreach (Match m in YearOnwards().Matches(work.Text))
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            work.IncorporatedOnOrAfter(new DateOnly(year, 1, 1));
            work.Consume(m, $"incorporated since {year}");
        }

        foreach (Match m in YearBefore().Matches(work.Text))
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            work.IncorporatedOnOrBefore(new DateOnly(year - 1, 12, 31));
            work.Consume(m, $"incorporated before {year}");
        }

        foreach (Match m in YearOrEarlier().Matches(work.Text))
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            work.IncorporatedOnOrBefore(new DateOnly(year, 12, 31));
            work.Consume(m, $"incorporated in {year} or earlier");
        }

        foreach (Match m in YearIn().Matches(work.Text))
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            work.IncorporatedOnOrAfter(new DateOnly(year, 1, 1));
            work.IncorporatedOnOrBefore(new DateOnly(year, 12, 31));
            work.Consume(m, $"incorporated in {year}");
        }
    }

    private static void TakeOfficers(ParseWork work)
    {
        // With the unit first, then bare numbers: the issue's "at least 10" and "10-50" speak of officers.
        foreach (var pattern in new[] { OfficerRange(), BareRange() })
        {
            foreach (Match m in pattern.Matches(work.Text))
            {
                if (TryNumber(m.Groups["a"], out var a) && TryNumber(m.Groups["b"], out var b) && a <= b)
                {
                    work.AtLeastOfficers(a);
                    work.AtMostOfficers(b);
                    work.Consume(m, $"{a}–{b} officers");
                }
            }
        }

        foreach (var pattern in new[] { OfficerCompared(), BareCompared() })
        {
            foreach (Match m in pattern.Matches(work.Text))
            {
                if (!TryNumber(m.Groups["n"], out var n))
                {
                    continue;
                }

                var cmp = Squash(m.Groups["cmp"].Value);
                var phrase = $"{cmp} {n} officers";
                if (IsMore(cmp))
                {
                    work.AtLeastOfficers(n + 1);
                }
                else if (IsAtLeast(cmp))
                {
                    work.AtLeastOfficers(n);
                }
                else if (IsAtMost(cmp))
                {
                    work.AtMostOfficers(n);
                }
                else
                {
                    work.AtMostOfficers(Math.Max(0, n - 1));
                }

                work.Consume(m, phrase);
            }
        }

        foreach (var pattern in new[] { OfficerPlus(), BarePlus() })
        {
            foreach (Match m in pattern.Matches(work.Text))
            {
                if (TryNumber(m.Groups["n"], out var n))
                {
                    work.AtLeastOfficers(n);
                    work.Consume(m, $"{n}+ officers");
                }
            }
        }

        foreach (Match m in OfficerExact().Matches(work.Text))
        {
            if (TryNumber(m.Groups["n"], out var n))
            {
                work.AtLeastOfficers(n);
                work.AtMostOfficers(n);
                work.Consume(m, $"{n} officers");
            }
        }
    }

    private static void TakeLocations(ParseWork work)
    {
        foreach (var pattern in new[] { DistrictList(), DistrictCode() })
        {
            foreach (Match m in pattern.Matches(work.Text))
            {
                var numbers = Digits().Matches(m.Value).Select(d => int.Parse(d.Value, CultureInfo.InvariantCulture)).ToList();
                if (numbers.Count == 0 || numbers.Any(n => n is < 1 or > 28))
                {
                    work.AddUnmatched(m.Index, Truncate(work.Original.Substring(m.Index, m.Length).Trim()));
                    work.Consume(m, null);
                    continue;
                }

                work.Districts.UnionWith(numbers);
                work.Consume(m, SingaporePlaces.Label(numbers.Distinct()));
            }
        }

        foreach (Match m in PlaceNames.Matches(work.Text))
        {
            var place = m.Groups["p"].Value;
            var districts = SingaporePlaces.Places[place];
            work.Districts.UnionWith(districts);
            work.Consume(m, $"{TitleCase(place)} ({SingaporePlaces.Label(districts)})");
        }

        foreach (var pattern in new[] { RegionNames, RegionWithNoun })
        {
            foreach (Match m in pattern.Matches(work.Text))
            {
                var region = m.Groups["r"].Value;
                var districts = SingaporePlaces.RegionWords[region];
                work.Districts.UnionWith(districts);
                work.Consume(m, $"{region} ({SingaporePlaces.Label(districts)})");
            }
        }
    }

    // "I sell payroll software to hotels": the customers are the industry, not what is sold.
    private static void TakeFrames(ParseWork work)
    {
        foreach (Match m in SellTo().Matches(work.Text))
        {
            work.Consume(m, null);
        }
    }

    private static void TakeExclusions(ParseWork work)
    {
        foreach (Match m in Exclusion().Matches(work.Text))
        {
            var body = m.Groups["x"];
            var end = ClauseEnd().Match(body.Value) is { Success: true } stop ? stop.Index : body.Length;
            var excluded = new List<string>();
            foreach (var part in ListSeparator().Split(body.Value[..end]))
            {
                var offset = body.Index + body.Value.IndexOf(part, StringComparison.Ordinal);
                if (CleanPhrase(work, part, offset) is { } phrase)
                {
                    excluded.Add(phrase);
                }
            }

            foreach (var phrase in excluded.Where(p => !work.Exclude.Contains(p)))
            {
                work.Exclude.Add(phrase);
            }

            work.Consume(m.Index, body.Index - m.Index + end, excluded.Count > 0 ? "except " + string.Join(", ", excluded) : null);
        }
    }

    private static List<string> TakePhrases(ParseWork work)
    {
        var text = work.Text;
        foreach (var compound in Compounds)
        {
            // Keeps the compound's "and" away from the list split; put back in CleanPhrase.
            for (var at = text.IndexOf(compound, StringComparison.Ordinal); at >= 0; at = text.IndexOf(compound, at + compound.Length, StringComparison.Ordinal))
            {
                if (IsWordBoundary(text, at - 1) && IsWordBoundary(text, at + compound.Length))
                {
                    text = string.Concat(text.AsSpan(0, at), compound.Replace(" and ", " \u0001 ", StringComparison.Ordinal).Replace(" & ", " \u0001 ", StringComparison.Ordinal), text.AsSpan(at + compound.Length));
                }
            }
        }

        var phrases = new List<string>();
        var start = 0;
        foreach (var (at, length) in PhraseBreak().Matches(text).Select(m => (m.Index, m.Length)).Append((text.Length, 0)))
        {
            var piece = text[start..at];
            var pieceAt = start;
            start = at + length;
            if (CleanPhrase(work, piece, pieceAt) is not { } phrase || phrases.Contains(phrase))
            {
                continue;
            }

            if (phrases.Count == MaxPhrases)
            {
                work.AddUnmatched(pieceAt, phrase);
                continue;
            }

            phrases.Add(phrase);
        }

        return phrases;
    }

    // The words of one piece that may name an industry; numbers and symbols are reported, filler dropped.
    private static string? CleanPhrase(ParseWork work, string piece, int offset)
    {
        var words = new List<string>();
        var index = 0;
        foreach (var raw in piece.Split(' ', StringSplitOptions.None))
        {
            var at = offset + index;
            index += raw.Length + 1;
            if (raw.Length == 0)
            {
                continue;
            }

            if (raw == "\u0001")
            {
                if (words.Count > 0)
                {
                    words.Add("and");
                }

                continue;
            }

            var word = KeepWordCharacters(raw);
            if (word.Length == 0)
            {
                if (raw.Any(IsSymbol))
                {
                    work.AddUnmatched(at, Truncate(raw));
                }

                continue;
            }

            if (!word.Any(char.IsLetter))
            {
                work.AddUnmatched(at, word);
                continue;
            }

            var originalWord = at + raw.Length <= work.Original.Length ? work.Original.Substring(at, raw.Length) : raw;
            if (word == "it" && !originalWord.Contains("IT", StringComparison.Ordinal))
            {
                continue;
            }

            if (GenericNouns.Contains(word) && words.Count > 0 && KeepsGenericNoun.Contains(words[^1]))
            {
                words.Add(word);
                continue;
            }

            if (!Filler.Contains(word) || (word == "it" && originalWord.Contains("IT", StringComparison.Ordinal)))
            {
                words.Add(word);
            }
        }

        while (words.Count > 0 && words[^1] == "and")
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count == 0)
        {
            return null;
        }

        var phrase = string.Join(' ', words);
        if (phrase.Length < 2)
        {
            work.AddUnmatched(offset, phrase);
            return null;
        }

        if (words.Count > MaxWordsPerPhrase)
        {
            work.AddUnmatched(offset, Truncate(phrase));
            return null;
        }

        return phrase;
    }

    // Letters, digits and marks survive, as do - ' & . inside a word (e-commerce, children's, f&b); emoji, symbols
    // and SQL metacharacters do not, and phrases only ever reach SQL as parameters anyway.
    private static string KeepWordCharacters(string word)
    {
        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLetterOrDigit(c) || (char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark && builder.Length > 0))
            {
                builder.Append(c);
            }
            else if (c is '-' or '\'' or '&' or '.' && builder.Length > 0 && i + 1 < word.Length && char.IsLetterOrDigit(word[i + 1]))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsSymbol(char c) => char.IsSymbol(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    private static bool IsWordBoundary(string text, int index) => index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);

    private static bool TryNumber(Group group, out int value)
        => int.TryParse(group.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= 1_000_000;

    private static string Squash(string text) => Whitespace().Replace(text.Trim(), " ").TrimEnd('.');

    private static bool IsMore(string cmp) => cmp is "more than" or "over" or "above" or "greater than" or "upwards of" or "in excess of" or "exceeding";

    private static bool IsAtLeast(string cmp) => cmp.StartsWith("at least", StringComparison.Ordinal) || cmp.StartsWith("min", StringComparison.Ordinal) || cmp.EndsWith("less than", StringComparison.Ordinal) && cmp.StartsWith("no", StringComparison.Ordinal) || cmp.EndsWith("fewer than", StringComparison.Ordinal) && cmp.StartsWith("no", StringComparison.Ordinal);

    private static bool IsAtMost(string cmp) => cmp is "at most" or "up to" or "no more than" or "not more than" || cmp.StartsWith("max", StringComparison.Ordinal);

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string TitleCase(string place) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(place);

    private static Regex BuildAlternation(IEnumerable<string> names, string before, string after)
        => new(before + string.Join('|', names.OrderByDescending(n => n.Length).Select(n => Regex.Escape(n).Replace(@"\ ", @"\s+", StringComparison.Ordinal))) + after,
            RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex($@"\b(?:(?:with|having|has)\s+)?(?:(?:{More}|{AtLeast}|{Less}|{AtMost}|about|around)\s+)?(?:\d{{1,7}}(?:,\d{{3}})*\s*(?:\+|(?:-|to|and)\s*\d{{1,7}})?\s*)?(?:full[\s-]?time\s+)?(?:employees?|staff|headcount|workers|people|pax|ftes?|employee\s+count)\b(?:\s+(?:of\s+)?(?:(?:{More}|{AtLeast}|{Less}|{AtMost})\s+)?\d{{1,7}}\+?)?", RegexOptions.CultureInvariant)]
    private static partial Regex Employees();

    [GeneratedRegex($@"\b(?:(?:with|having)\s+)?(?:(?:annual|yearly)\s+)?(?:revenues?|turnover|annual\s+sales|profits?)\b(?:\s+(?:of\s+)?(?:(?:{More}|{AtLeast}|{Less}|{AtMost}|between)\s+)?(?:s?\$|usd|sgd)?\s*\d[\d,.]{{0,12}}\s*(?:k|m|mn|mil|million|b|bn|billion)?\b(?:\s*(?:-|to|and)\s*(?:s?\$)?\s*\d[\d,.]{{0,12}}\s*(?:k|m|mn|mil|million|b|bn|billion)?\b)?)?", RegexOptions.CultureInvariant)]
    private static partial Regex Revenue();

    [GeneratedRegex($@"(?:\b(?:{More}|{AtLeast}|{Less}|{AtMost})\s+)?(?:\bs?\$|\busd\s*|\bsgd\s*)\d[\d,.]{{0,12}}\s*(?:k|m|mn|mil|million|b|bn|billion)?\b(?:\s+(?:in\s+)?(?:annual\s+)?(?:revenue|turnover|sales))?", RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    [GeneratedRegex(@"\b(?:smes?|s\.m\.e\.?s?|small\s+(?:and|&)\s+medium(?:[\s-]sized)?(?:\s+enterprises)?|small[\s-]+sized|medium[\s-]+sized|mid[\s-]?sized?|small(?=\s+(?:compan|business|firm|enterprise))|startups?|start-ups?|mncs?|multinationals?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Size();

    [GeneratedRegex(@"\b(?:pte\.?\s*ltd\b\.?|private\s+limited(?:\s+compan(?:y|ies))?\b|private\s+compan(?:y|ies)\b|pte\.?\s+compan(?:y|ies)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PrivateLimited();

    [GeneratedRegex(@"\b(?:llps?|limited\s+liability\s+partnerships?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Llp();

    [GeneratedRegex(@"\bsole[\s-]+(?:proprietorships?|proprietors?|props?|traders?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SoleProprietorship();

    [GeneratedRegex(@"\b(?:(?:limited|general)\s+)?partnerships?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Partnership();

    [GeneratedRegex(@"\bforeign\s+(?:company\s+branch(?:es)?|compan(?:y|ies)|branch(?:es)?|entities|firms|corporations)\b|\bbranch(?:es)?\s+of\s+foreign\s+compan(?:y|ies)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ForeignCompany();

    [GeneratedRegex(@"\b(?:public\s+(?:listed\s+)?compan(?:y|ies)|public\s+limited(?:\s+compan(?:y|ies))?|listed\s+compan(?:y|ies)|plcs?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PublicCompany();

    [GeneratedRegex(@"\b(?:(?:including|incl\.?|also|and|or|plus)\s+(?:inactive|struck[\s-]off|dissolved|closed|ceased|deregistered|defunct)(?:\s+(?:ones|companies|entities|firms))?|(?:any|all)\s+status(?:es)?|regardless\s+of\s+(?:the\s+)?status)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AnyStatus();

    [GeneratedRegex(@"\b(?:only\s+)?(?:inactive|struck[\s-]off|dissolved|defunct|ceased|deregistered)(?:\s+only)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex InactiveStatus();

    // "live accounting firms": a status before up to three industry words and a company noun, unless "live" or
    // "active" starts an industry of its own (live music, live events, active wear).
    [GeneratedRegex(@"\b(?:(?:only|still)\s+(?:live|active|operating)|(?:live|active|operating|existing)(?=(?:\s+(?!(?:music|events?|entertainment|performances?|streaming|shows?|seafood|animals?|stock|wear|ingredients?)\b)[\w&'-]+){0,3}\s+(?:compan\w*|business\w*|firms?|entit\w*|ones|only|players?|providers?)\b))\b", RegexOptions.CultureInvariant)]
    private static partial Regex LiveStatus();

    [GeneratedRegex(@"\b(?:between\s+|from\s+)?(?<a>\d{1,3})\s*(?:-|to|and)\s*(?<b>\d{1,3})\s*(?:years?|yrs?)\s+(?:old|in\s+business)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeRange();

    [GeneratedRegex($@"\b(?:(?:in\s+business|operating|existing|around|incorporated|founded|established|registered)\s+(?:for\s+)?)?(?<cmp>{More}|{AtLeast}|{Less}|{AtMost}|older\s+than|younger\s+than|newer\s+than)\s+(?<n>\d{{1,3}})\s*{YearUnit}(?:\s+(?:old|ago|in\s+business|of\s+operations?))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeCompared();

    [GeneratedRegex($@"\b(?:{Verb}\s+)?(?:in|within|over)\s+the\s+(?:last|past)\s+(?<n>\d{{1,3}})\s*{YearUnit}\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeRecent();

    [GeneratedRegex($@"\b(?<n>\d{{1,3}})\s*\+\s*{YearUnit}(?:\s+(?:old|in\s+business))?(?=\W|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AgePlus();

    [GeneratedRegex($@"\b(?<n>\d{{1,3}})\s*{YearUnit}\s+old\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgeExact();

    [GeneratedRegex($@"\b(?:{Verb}\s+)?(?:(?:between|from)\s+)?{Year}\s*(?:-|to|and|until|till)\s*(?<z>(?:19|20)\d{{2}})\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearRange();

    [GeneratedRegex($@"\b(?:{Verb}\s+)?(?<w>after|since|from|post)\s+{Year}\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearAfter();

    [GeneratedRegex($@"\b(?:{Verb}\s+)?(?:in\s+)?{Year}\s*(?:onwards|or\s+later|and\s+later|or\s+after|and\s+after|or\s+newer)\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearOnwards();

    [GeneratedRegex($@"\b(?:{Verb}\s+)?(?:before|prior\s+to|pre)\s+{Year}\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearBefore();

    [GeneratedRegex($@"\b(?:{Verb}\s+)?(?:in\s+)?{Year}\s*(?:or\s+earlier|and\s+earlier|or\s+before|or\s+older)\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearOrEarlier();

    [GeneratedRegex($@"\b{Verb}\s+(?:in\s+)?{Year}\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearIn();

    [GeneratedRegex($@"\b(?:between\s+|from\s+)?(?<a>\d{{1,6}})\s*(?:-|to|and)\s*(?<b>\d{{1,6}})\s*{OfficerUnit}\b", RegexOptions.CultureInvariant)]
    private static partial Regex OfficerRange();

    [GeneratedRegex(@"\b(?:between\s+(?<a>\d{1,6})\s+and\s+(?<b>\d{1,6})|(?<a>\d{1,6})\s*(?:-|to)\s*(?<b>\d{1,6}))\b(?!\s*(?:%|years?|yrs?|k\b|m\b|million))", RegexOptions.CultureInvariant)]
    private static partial Regex BareRange();

    [GeneratedRegex($@"\b{Comparator}\s+(?<n>\d{{1,6}})\s*{OfficerUnit}\b", RegexOptions.CultureInvariant)]
    private static partial Regex OfficerCompared();

    [GeneratedRegex($@"\b{Comparator}\s+(?<n>\d{{1,6}})\b(?!\s*(?:%|years?|yrs?|k\b|m\b|million))", RegexOptions.CultureInvariant)]
    private static partial Regex BareCompared();

    [GeneratedRegex($@"\b(?<n>\d{{1,6}})\s*(?:\+|or\s+more|and\s+above|and\s+more|or\s+above)\s*{OfficerUnit}\b", RegexOptions.CultureInvariant)]
    private static partial Regex OfficerPlus();

    [GeneratedRegex(@"\b(?<n>\d{1,6})\s*\+(?=\s|$|[,.;!?|])", RegexOptions.CultureInvariant)]
    private static partial Regex BarePlus();

    [GeneratedRegex($@"\b(?<n>\d{{1,6}})\s+{OfficerUnit}\b", RegexOptions.CultureInvariant)]
    private static partial Regex OfficerExact();

    [GeneratedRegex(@"\b(?:postal\s+)?districts?\s+\d{1,3}(?:\s*(?:,|and|&|/|or)\s*\d{1,3}\b)*", RegexOptions.CultureInvariant)]
    private static partial Regex DistrictList();

    [GeneratedRegex(@"\bd\d{1,3}\b", RegexOptions.CultureInvariant)]
    private static partial Regex DistrictCode();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b(?:(?:i|we)\s+)?(?:sell|sells|selling|provide|provides|providing|offer|offers|offering|supply|supplies|supplying|pitch|pitching)\b[^|.;!?]{0,200}?\bto\b", RegexOptions.CultureInvariant)]
    private static partial Regex SellTo();

    [GeneratedRegex(@"\b(?:except(?:\s+for)?|excluding|exclude|but\s+not|other\s+than|apart\s+from|not\s+including|minus|besides|save\s+for|with\s+the\s+exception\s+of)\s+(?<x>[^|.;!?]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Exclusion();

    [GeneratedRegex(@"\b(?:in|with|that|which|who|located|based|having|within|near)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@",|\band\b|\bor\b|\bnor\b|\s&\s|/", RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"[|,;:.!?()\[\]{}""/\\<>=*~^\r\n]|\s&\s|\b(?:and|or|plus|with|in|within|near|at|that|which|who|whose|where|located|based|but|also|such\s+as|e\.g|including|for|from|to|than|on|by|as\s+well\s+as|via|nor|not)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PhraseBreak();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
