using System.Collections.Frozen;
using System.Globalization;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Singapore's 28 postal districts, keyed by postal sector (the first two digits of a six-digit postal code).
/// </summary>
public static class PostalDistricts
{
    // Kept first: the static initialisers below read it.
    private static readonly (int District, string Name, int[] Sectors)[] Table =
    [
        (1, "Raffles Place, Cecil, Marina, People's Park", [1, 2, 3, 4, 5, 6]),
        (2, "Anson, Tanjong Pagar", [7, 8]),
        (3, "Queenstown, Tiong Bahru", [14, 15, 16]),
        (4, "Telok Blangah, Harbourfront", [9, 10]),
        (5, "Pasir Panjang, Hong Leong Garden, Clementi New Town", [11, 12, 13]),
        (6, "High Street, Beach Road", [17]),
        (7, "Middle Road, Golden Mile", [18, 19]),
        (8, "Little India", [20, 21]),
        (9, "Orchard, Cairnhill, River Valley", [22, 23]),
        (10, "Ardmore, Bukit Timah, Holland Road, Tanglin", [24, 25, 26, 27]),
        (11, "Watten Estate, Novena, Thomson", [28, 29, 30]),
        (12, "Balestier, Toa Payoh, Serangoon", [31, 32, 33]),
        (13, "Macpherson, Braddell", [34, 35, 36, 37]),
        (14, "Geylang, Eunos", [38, 39, 40, 41]),
        (15, "Katong, Joo Chiat, Amber Road", [42, 43, 44, 45]),
        (16, "Bedok, Upper East Coast, Eastwood, Kew Drive", [46, 47, 48]),
        (17, "Loyang, Changi", [49, 50, 81]),
        (18, "Tampines, Pasir Ris", [51, 52]),
        (19, "Serangoon Garden, Hougang, Punggol", [53, 54, 55, 82]),
        (20, "Bishan, Ang Mo Kio", [56, 57]),
        (21, "Upper Bukit Timah, Clementi Park, Ulu Pandan", [58, 59]),
        (22, "Jurong", [60, 61, 62, 63, 64]),
        (23, "Hillview, Dairy Farm, Bukit Panjang, Choa Chu Kang", [65, 66, 67, 68]),
        (24, "Lim Chu Kang, Tengah", [69, 70, 71]),
        (25, "Kranji, Woodgrove", [72, 73]),
        (26, "Upper Thomson, Springleaf", [77, 78]),
        (27, "Yishun, Sembawang", [75, 76]),
        (28, "Seletar", [79, 80]),
    ];

    private static readonly FrozenDictionary<int, string> BySector = Build();

    /// <summary>Gets the districts, 1 to 28, with the place names each covers ("Orchard, Cairnhill, River Valley").</summary>
    public static IReadOnlyList<(int District, string Places)> All { get; } = Table.Select(d => (d.District, d.Name)).ToArray();

    /// <summary>Returns the two-digit postal sectors ("22", "23") of a district, or none for a number outside 1 to 28.</summary>
    public static IReadOnlyList<string> SectorsOf(int district)
        => Table.FirstOrDefault(d => d.District == district).Sectors?.Select(s => s.ToString("00", CultureInfo.InvariantCulture)).ToArray() ?? [];

    /// <summary>Returns "D09 Orchard, Cairnhill, River Valley" style names, or null for an unknown or malformed code.</summary>
    public static string? DistrictOf(string? postalCode)
    {
        if (postalCode is null)
        {
            return null;
        }

        var digits = postalCode.Trim();
        if (digits.Length == 5 && digits.All(char.IsAsciiDigit))
        {
            // Spreadsheets drop the leading zero of central-area codes such as 018989.
            digits = "0" + digits;
        }

        return digits.Length == 6 && digits.All(char.IsAsciiDigit) && BySector.TryGetValue(int.Parse(digits[..2]), out var district)
            ? district
            : null;
    }

    private static FrozenDictionary<int, string> Build()
        => Table
            .SelectMany(d => d.Sectors.Select(s => (Sector: s, Name: $"D{d.District:00} {d.Name}")))
            .ToFrozenDictionary(x => x.Sector, x => x.Name);
}
