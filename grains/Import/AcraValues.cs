using System.Globalization;

namespace IcpSearch.Grains.Import;

/// <summary>
/// Parsing of the typed ACRA fields: dates, SSIC codes and counts.
/// </summary>
public static class AcraValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy"];

    /// <summary>Returns whether a typed field means "no value": empty, or <c>na</c> / <c>n/a</c> as ACRA's files write it.</summary>
    public static bool IsNone(string value)
        => value.Length == 0
           || value.Equals("na", StringComparison.OrdinalIgnoreCase)
           || value.Equals("n/a", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses <c>YYYY-MM-DD</c> or <c>DD/MM/YYYY</c> (one-digit day and month accepted).</summary>
    public static bool TryParseDate(string value, out DateOnly date)
        => DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Normalises an SSIC code of 1-5 digits to 5 digits (1111 becomes 01111); false for anything else.</summary>
    public static bool TryNormaliseSsic(string value, out string code)
    {
        code = value;
        if (value.Length is 0 or > 5)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        code = value.Length == 5 ? value : value.PadLeft(5, '0');
        return true;
    }

    /// <summary>Parses a non-negative whole number (digits only).</summary>
    public static bool TryParseCount(string value, out int count)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count);
}
