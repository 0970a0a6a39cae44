using System.Collections.Frozen;
using System.Globalization;
using IcpSearch.Grains.Pipeline;

namespace IcpSearch.Grains.Search.Understanding;

/// <summary>
/// Singapore place names an SDR writes (planning areas, estates, regions), each mapped to the postal districts it lies in.
/// </summary>
/// <remarks>
/// The districts' own place names come from <see cref="PostalDistricts"/>, the one table of districts and sectors;
/// this adds the planning areas those names leave out. Regions are approximations: URA regions and postal districts
/// do not share borders, so a region maps to the districts that lie mostly inside it.
/// </remarks>
public static class SingaporePlaces
{
    // Planning areas and estates the district table does not name, placed by their postal sectors.
    private static readonly (string Name, int[] Districts)[] Extra =
    [
        ("woodlands", [25]), ("admiralty", [25]), ("marsiling", [25]), ("tuas", [22]), ("boon lay", [22]),
        ("jurong east", [22]), ("jurong west", [22]), ("jurong island", [22]), ("pioneer", [22]), ("clementi", [5]),
        ("west coast", [5]), ("buona vista", [5]), ("one-north", [5]), ("bukit batok", [23]), ("bukit merah", [3]),
        ("alexandra", [3]), ("redhill", [3]), ("sengkang", [19]), ("kallang", [12]), ("paya lebar", [14]),
        ("ubi", [14]), ("kaki bukit", [14]), ("marine parade", [15]), ("east coast", [15]), ("siglap", [15]),
        ("simei", [18]), ("chinatown", [1]), ("cbd", [1, 2]), ("shenton way", [1]), ("bugis", [7]),
        ("dhoby ghaut", [9]), ("holland", [10]), ("tanjong katong", [15]), ("sentosa", [4]), ("lavender", [12]),
        ("potong pasir", [13]), ("kovan", [19]), ("serangoon north", [19]), ("mandai", [25]), ("tengah", [24]),
    ];

    // Region words name a place only with "in"/"the" before them or "region"/"area" after (see MessageParser).
    private static readonly (string Name, int[] Districts)[] Regions =
    [
        ("central", [1, 2, 6, 9, 10, 11]), ("north-east", [19, 20, 28]), ("northeast", [19, 20, 28]),
        ("north", [25, 26, 27]), ("northern", [25, 26, 27]), ("east", [14, 15, 16, 17, 18]), ("eastern", [14, 15, 16, 17, 18]),
        ("west", [5, 21, 22, 23, 24]), ("western", [5, 21, 22, 23, 24]),
    ];

    /// <summary>Gets the place names (lower case) and the districts each lies in.</summary>
    public static FrozenDictionary<string, int[]> Places { get; } = BuildPlaces();

    /// <summary>Gets the region words (lower case) and their districts.</summary>
    public static FrozenDictionary<string, int[]> RegionWords { get; } = Regions.ToFrozenDictionary(r => r.Name, r => r.Districts, StringComparer.Ordinal);

    /// <summary>Returns "D22" style labels of districts, in order.</summary>
    public static string Label(IEnumerable<int> districts)
        => string.Join(", ", districts.Order().Select(d => "D" + d.ToString("00", CultureInfo.InvariantCulture)));

    private static FrozenDictionary<string, int[]> BuildPlaces()
    {
        var places = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (district, names) in PostalDistricts.All)
        {
            foreach (var name in names.Split(", ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var key = name.ToLowerInvariant();
                places[key] = places.TryGetValue(key, out var existing) ? [.. existing.Append(district).Distinct()] : [district];
            }
        }

        foreach (var (name, districts) in Extra)
        {
            places.TryAdd(name, districts);
        }

        return places.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
