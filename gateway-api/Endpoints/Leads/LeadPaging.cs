using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using IcpSearch.Gateway.Endpoints.Common;
using IcpSearch.Gateway.Errors;
using IcpSearch.GrainInterfaces.Common;
using Microsoft.Net.Http.Headers;

namespace IcpSearch.Gateway.Endpoints.Leads;

/// <summary>
/// The query rules shared by the keyset-paginated lead endpoints: page size, cursor and JSON-or-CSV choice.
/// </summary>
public static class LeadPaging
{
    /// <summary>The CSV media type.</summary>
    public const string CsvMediaType = "text/csv";

    /// <summary>Parses <c>limit</c> and the cursor (<c>after=score:id</c>, or <c>afterScore</c> with <c>afterId</c>); false with the 400 problem otherwise.</summary>
    public static bool TryParse(
        string? limit, string? after, string? afterScore, string? afterId,
        out int size, out KeysetCursor? cursor, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        cursor = null;
        if (!QueryLimit.TryParse(limit, PageLimits.Default, PageLimits.Max, out size, out problem))
        {
            return false;
        }

        var hasSplit = !string.IsNullOrEmpty(afterScore) || !string.IsNullOrEmpty(afterId);
        if (!string.IsNullOrEmpty(after))
        {
            if (hasSplit)
            {
                problem = Problems.Invalid("after", "Give either after or afterScore with afterId, not both.");
                return false;
            }

            if (!KeysetCursor.TryParse(after, out cursor))
            {
                problem = Problems.Invalid("after", $"after must be the nextCursor of a previous page, '<score>:<company_id>' (got '{Shorten(after)}').");
                return false;
            }

            return true;
        }

        if (!hasSplit)
        {
            return true;
        }

        if (!int.TryParse(afterScore, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score > 100)
        {
            problem = Problems.Invalid("afterScore", "afterScore must be a score between 0 and 100, given together with afterId.");
            return false;
        }

        if (!long.TryParse(afterId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id < 1)
        {
            problem = Problems.Invalid("afterId", "afterId must be a positive company id, given together with afterScore.");
            return false;
        }

        cursor = new KeysetCursor(score, id);
        return true;
    }

    /// <summary>Decides between JSON and CSV: <c>format=csv|json</c> wins, else the most preferred of the Accept header's types.</summary>
    public static bool TryChooseCsv(string? format, HttpRequest request, out bool csv, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        problem = null;
        csv = false;
        switch (format?.ToLowerInvariant())
        {
            case null or "":
                break;
            case "csv":
                csv = true;
                return true;
            case "json":
                return true;
            default:
                problem = Problems.Invalid("format", $"format must be json or csv (got '{Shorten(format)}').");
                return false;
        }

        if (MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            var preferred = accepted
                .Where(a => a.Quality is not 0)
                .OrderByDescending(a => a.Quality ?? 1)
                .FirstOrDefault(a => a.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase)
                    || a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                    || a.MatchesAllTypes
                    || a.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase));
            csv = preferred?.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase) == true;
        }

        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
