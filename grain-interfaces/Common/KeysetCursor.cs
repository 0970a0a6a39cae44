using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace IcpSearch.GrainInterfaces.Common;

/// <summary>
/// A position in a <c>score DESC, company_id DESC</c> ordering; the next page starts strictly after it.
/// </summary>
/// <param name="Score">Gets the score of the last row of the previous page.</param>
/// <param name="CompanyId">Gets the company id of the last row of the previous page.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.KeysetCursor")]
public sealed record KeysetCursor(int Score, long CompanyId)
{
    /// <summary>Returns the opaque text form, <c>score:companyId</c>, used in URLs and headers.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Score}:{CompanyId}");

    /// <summary>Parses the text form; returns false for anything malformed or out of range.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out KeysetCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 40)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var score)
            || !long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || score > 100 || id <= 0)
        {
            return false;
        }

        cursor = new KeysetCursor(score, id);
        return true;
    }
}
