using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using IcpSearch.Gateway.Errors;

namespace IcpSearch.Gateway.Endpoints.Common;

/// <summary>
/// The <c>limit</c> query parameter of every listing endpoint: a whole number from 1 to the endpoint's maximum.
/// </summary>
public static class QueryLimit
{
    /// <summary>Parses <paramref name="text"/> (absent means <paramref name="fallback"/>); false with the 400 problem naming <c>limit</c> otherwise.</summary>
    public static bool TryParse(string? text, int fallback, int max, out int size, [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        problem = null;
        size = fallback;
        if (string.IsNullOrEmpty(text)
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 && size <= max))
        {
            return true;
        }

        var shown = text.Length <= 40 ? text : text[..40] + "…";
        problem = Problems.Invalid("limit", $"limit must be a whole number between 1 and {max} (got '{shown}').");
        return false;
    }
}
