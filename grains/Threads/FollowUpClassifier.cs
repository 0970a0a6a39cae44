using System.Globalization;
using System.Text.RegularExpressions;
using IcpSearch.Grains.Search.Understanding;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// Recognises follow-up turns that refine the previous query: add ("also X", "and X", "X too"), drop ("drop X",
/// "without X", "not X") and restrict ("only in X", "more than N officers", "incorporated after Y"); anything else
/// is a new query. Pure: the same text always gives the same answer.
/// </summary>
public static partial class FollowUpClassifier
{
    /// <summary>Classifies <paramref name="text"/>.</summary>
    public static FollowUp Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300)
        {
            return FollowUp.NewQuery;
        }

        var message = Normalise(text);
        if (message.Length == 0 || NewQueryMarker().IsMatch(message))
        {
            return FollowUp.NewQuery;
        }

        if (Constraint(message) is { } constraint)
        {
            return new FollowUp(FollowUpKind.Restrict, [constraint]);
        }

        var add = AddPrefix().Match(message) is { Success: true } prefixed ? prefixed
            : AddSuffix().Match(message) is { Success: true } suffixed ? suffixed : null;
        if (add is not null && Industries(add.Groups["x"].Value) is { Count: > 0 } added)
        {
            return new FollowUp(FollowUpKind.Add, added);
        }

        if (DropPrefix().Match(message) is { Success: true } drop && Industries(drop.Groups["x"].Value) is { Count: > 0 } dropped)
        {
            return new FollowUp(FollowUpKind.Drop, dropped);
        }

        return FollowUp.NewQuery;
    }

    /// <summary>
    /// Returns the canonical phrase of a constraint message ("only in Jurong" → "in jurong", "20+ officers" →
    /// "at least 20 officers"), or null when the message is not one constraint.
    /// </summary>
    public static string? Constraint(string message)
    {
        var text = Normalise(message);
        if (Officers().Match(text) is { Success: true } officers)
        {
            var n = int.Parse(officers.Groups["n"].Value, CultureInfo.InvariantCulture);
            var comparison = officers.Groups["cmp"].Value switch
            {
                "more than" or "over" or "above" => "more than",
                "fewer than" or "less than" or "under" or "below" => "fewer than",
                "at most" or "up to" => "at most",
                _ => "at least",
            };
            return $"{comparison} {n} officers";
        }

        if (Incorporated().Match(text) is { Success: true } incorporated)
        {
            var when = incorporated.Groups["when"].Value is "since" or "from" ? "after" : incorporated.Groups["when"].Value;
            return $"incorporated {when} {incorporated.Groups["date"].Value}";
        }

        if (Location().Match(text) is { Success: true } location && !location.Groups["x"].Value.Any(char.IsDigit))
        {
            return $"in {location.Groups["x"].Value}";
        }

        return null;
    }

    // Industries the way the message parser reads them, so "drop retail" names the phrase the first message gave.
    private static IReadOnlyList<string> Industries(string phrase) => MessageParser.Parse(phrase).Industries;

    private static string Normalise(string text)
    {
        var message = Whitespace().Replace(text.Trim().ToLowerInvariant(), " ");
        message = TrailingPunctuation().Replace(message, "");
        string previous;
        do
        {
            previous = message;
            message = LeadingFiller().Replace(message, "");
            message = TrailingPlease().Replace(message, "");
        }
        while (message != previous);
        return message.Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\s.!?]+$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"^(?:ok(?:ay)?|now|then|please|and then|but|hmm|great|thanks|cool)\b[,\s]*")]
    private static partial Regex LeadingFiller();

    [GeneratedRegex(@"[,\s]+please$")]
    private static partial Regex TrailingPlease();

    [GeneratedRegex(@"^(?:new search|start over|instead|forget (?:that|it))\b")]
    private static partial Regex NewQueryMarker();

    [GeneratedRegex(@"^(?:also|and|plus|add|include|including|as well as)\s+(?<x>.+)$")]
    private static partial Regex AddPrefix();

    [GeneratedRegex(@"^(?<x>.+?)\s+(?:too|as well)$")]
    private static partial Regex AddSuffix();

    [GeneratedRegex(@"^(?:drop|remove|without|exclude|excluding|except|not|no|minus|but not|leave out|skip)\s+(?<x>.+)$")]
    private static partial Regex DropPrefix();

    [GeneratedRegex(@"^(?:only\s+)?(?:(?:companies|ones|those)\s+)?(?:with\s+)?(?<cmp>more than|over|above|at least|fewer than|less than|under|below|at most|up to)?\s*(?<n>\d{1,6})\s*(?:\+|or more)?\s+officers?$")]
    private static partial Regex Officers();

    [GeneratedRegex(@"^(?:only\s+)?(?:(?:companies|ones|those)\s+)?(?:incorporated|founded|registered|established)\s+(?<when>after|before|since|from)\s+(?<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)$")]
    private static partial Regex Incorporated();

    [GeneratedRegex(@"^(?:only\s+)?(?:(?:companies|ones|those)\s+)?(?:in|at|located in|based in|within|near)\s+(?<x>[\p{L}][\p{L}\s'-]{0,60})$")]
    private static partial Regex Location();
}
