using System.Globalization;
using System.Reflection;
using IcpSearch.Grains.Industries;
using CsvHelper;

namespace IcpSearch.Grains.Demo;

/// <summary>
/// Generates a deterministic demo registry in ACRA's layout: realistic names, entity types, live and struck-off
/// statuses, incorporation dates across six decades, Singapore postal codes, and SSIC codes from the bundled
/// reference weighted like Singapore's economy (wholesale and professional services large, manufacturing around a tenth).
/// </summary>
/// <remarks>The same seed and count always give the same rows, so demos and benchmarks are repeatable.</remarks>
public sealed class DemoRegistryGenerator
{
    /// <summary>The seed used when none is given.</summary>
    public const int DefaultSeed = 20_240_601;

    private static readonly Dictionary<char, double> SectionWeights = new()
    {
        ['A'] = 0.5, ['B'] = 0.2, ['C'] = 11, ['D'] = 0.6, ['E'] = 0.8, ['F'] = 7, ['G'] = 22, ['H'] = 7, ['I'] = 5,
        ['J'] = 8, ['K'] = 6, ['L'] = 3, ['M'] = 13, ['N'] = 6, ['O'] = 0.1, ['P'] = 2.5, ['Q'] = 2, ['R'] = 1.5,
        ['S'] = 3.5, ['T'] = 0.1, ['U'] = 0.1,
    };

    private static readonly (string Type, double Weight)[] EntityTypes =
    [
        ("Local Company", 58), ("Sole Proprietorship/ Partnership", 27), ("Limited Liability Partnerships", 6),
        ("Foreign Company", 3), ("Limited Partnership", 1), ("Public Company Limited by Guarantee", 2), ("Others", 3),
    ];

    private static readonly (string Status, double Weight)[] CompanyStatuses =
    [
        ("Live Company", 68), ("Struck Off", 17), ("Gazetted to be Struck Off", 3), ("In Liquidation", 2),
        ("Dissolved", 4), ("Amalgamated", 1), ("Cancelled", 5),
    ];

    private static readonly (string Status, double Weight)[] BusinessStatuses =
    [
        ("Live", 62), ("Ceased Registration", 24), ("Cancelled", 10), ("Expired", 4),
    ];

    private static readonly string[] NameStarts =
    [
        "Lion City", "Merlion", "Temasek", "Orchid", "Harbourfront", "Marina", "Straits", "Kallang", "Jurong", "Tampines",
        "Bukit", "Raffles", "Sentosa", "Changi", "Woodlands", "Serangoon", "Pioneer", "Tuas", "Novena", "Katong",
        "Evergreen", "Golden", "Silver Bay", "Red Dot", "Equator", "Monsoon", "Lighthouse", "Banyan", "Kopi", "Sunrise",
        "Apex", "Nexus", "Summit", "Vertex", "Crescent", "Horizon", "Pacific", "Oriental", "Sino", "Asia Link",
        "Blue Ocean", "Greenfield", "Silverline", "Keystone", "Cornerstone", "Everbright", "True North", "Unity", "Prime", "Zenith",
    ];

    private static readonly Dictionary<char, string[]> SectionWords = new()
    {
        ['A'] = ["Farms", "Agritech", "Aquaculture", "Hydroponics"],
        ['B'] = ["Resources", "Quarry", "Minerals"],
        ['C'] = ["Precision Engineering", "Manufacturing", "Industries", "Fabrication", "Electronics", "Foods", "Plastics", "Machinery", "Printing", "Chemicals"],
        ['D'] = ["Energy", "Power", "Solar"],
        ['E'] = ["Environmental", "Recycling", "Waste Solutions", "Water"],
        ['F'] = ["Construction", "Builders", "Engineering & Construction", "Contractors", "Renovation"],
        ['G'] = ["Trading", "Enterprise", "Supplies", "Distribution", "Marketing", "Mart", "Retail"],
        ['H'] = ["Logistics", "Transport", "Freight", "Shipping", "Express", "Warehousing"],
        ['I'] = ["F&B", "Kitchen", "Cafe", "Restaurant", "Hospitality", "Catering"],
        ['J'] = ["Technologies", "Software", "Digital", "Media", "Systems", "Labs", "Networks"],
        ['K'] = ["Capital", "Holdings", "Investments", "Financial", "Ventures", "Insurance Agency"],
        ['L'] = ["Realty", "Properties", "Estates", "Land"],
        ['M'] = ["Consulting", "Advisory", "Associates", "Design", "Architects", "Engineering Consultants", "Research"],
        ['N'] = ["Services", "Facilities", "Security", "Manpower", "Cleaning", "Travel"],
        ['O'] = ["Agency", "Authority"],
        ['P'] = ["Academy", "Learning Centre", "Education", "Tuition"],
        ['Q'] = ["Medical", "Clinic", "Healthcare", "Dental"],
        ['R'] = ["Studios", "Arts", "Sports", "Entertainment"],
        ['S'] = ["Salon", "Beauty", "Laundry", "Association"],
        ['T'] = ["Household"],
        ['U'] = ["Mission"],
    };

    private static readonly string[] Streets =
    [
        "Ang Mo Kio Avenue 3", "Ubi Avenue 1", "Kallang Bahru", "Tai Seng Drive", "Jurong Port Road", "Pioneer Road North",
        "Tuas Avenue 8", "Woodlands Loop", "Loyang Way", "Changi South Street 2", "Kaki Bukit Road 1", "Sin Ming Lane",
        "Orchard Road", "Robinson Road", "Cecil Street", "Shenton Way", "Beach Road", "North Bridge Road", "Serangoon Road",
        "Geylang Road", "Tampines Industrial Avenue 5", "Bukit Batok Street 23", "Yishun Industrial Street 1", "Kranji Loop",
        "Toa Payoh Lorong 8", "Bedok North Street 3", "Pasir Panjang Road", "Alexandra Road", "Hougang Avenue 10", "Mandai Estate",
    ];

    private static readonly string[] Buildings =
    [
        "Tech Park", "Industrial Building", "Business Hub", "Tower", "Centre", "Plaza", "Building", "Point", "Square", "Hub",
    ];

    private static readonly int[] PostalSectors =
    [
        1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
        33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60,
        61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 75, 76, 77, 78, 79, 80, 81, 82,
    ];

    private readonly IReadOnlyList<(string Code, string Title)> _codes;
    private readonly Dictionary<char, List<int>> _codesBySection;
    private readonly Dictionary<string, List<(string Code, string Title)>> _codesByDivision;

    private DemoRegistryGenerator(IReadOnlyList<(string Code, string Title)> codes)
    {
        _codes = codes;
        _codesBySection = codes
            .Select((c, i) => (Section: SsicHierarchy.SectionOf(c.Code)!.Value, Index: i))
            .GroupBy(x => x.Section)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Index).ToList());
        _codesByDivision = codes.GroupBy(c => c.Code[..2]).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Creates a generator over the 5-digit codes of the bundled SSIC reference.</summary>
    public static DemoRegistryGenerator FromBundledReference()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("data/ssic/ssic2020.csv")
            ?? throw new InvalidOperationException("The bundled SSIC reference is missing.");
        using var reader = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',' });
        var codes = new List<(string, string)>();
        while (reader.Read())
        {
            var code = reader.GetString(0);
            if (code.Length == 5 && SsicHierarchy.SectionOf(code) is not null)
            {
                codes.Add((code, reader.GetString(1)));
            }
        }

        return new DemoRegistryGenerator(codes);
    }

    /// <summary>Returns <paramref name="count"/> rows; the same seed and count give the same rows.</summary>
    public IEnumerable<AcraRecord> Generate(int count, int seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var sections = SectionWeights.Where(s => _codesBySection.ContainsKey(s.Key)).Select(s => (s.Key, s.Value)).ToArray();
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var perYear = new Dictionary<int, int>();
        for (var i = 0; i < count; i++)
        {
            var section = Pick(random, sections);
            var primary = _codes[_codesBySection[section][random.Next(_codesBySection[section].Count)]];
            (string Code, string Title)? secondary = random.NextDouble() < 0.25 ? SecondaryFor(random, primary.Code) : null;

            var type = Pick(random, EntityTypes);
            var isBusiness = type.StartsWith("Sole", StringComparison.Ordinal);
            var status = Pick(random, isBusiness ? BusinessStatuses : CompanyStatuses);
            var date = IncorporationDate(random);
            var name = UniqueName(random, section, type, usedNames, i);
            var sector = PostalSectors[random.Next(PostalSectors.Length)];
            var hasUnit = random.NextDouble() < 0.7;

            yield return new AcraRecord(
                Uen: Uen(random, type, date, i, perYear),
                EntityName: name,
                EntityTypeDescription: type,
                EntityStatusDescription: status,
                RegistrationIncorporationDate: date,
                Block: random.Next(1, 999).ToString(CultureInfo.InvariantCulture),
                StreetName: Streets[random.Next(Streets.Length)].ToUpperInvariant(),
                LevelNo: hasUnit ? random.Next(1, 30).ToString("00", CultureInfo.InvariantCulture) : null,
                UnitNo: hasUnit ? random.Next(1, 120).ToString("00", CultureInfo.InvariantCulture) : null,
                BuildingName: random.NextDouble() < 0.5 ? $"{NameStarts[random.Next(NameStarts.Length)]} {Buildings[random.Next(Buildings.Length)]}".ToUpperInvariant() : null,
                PostalCode: string.Create(CultureInfo.InvariantCulture, $"{sector:00}{random.Next(0, 10_000):0000}"),
                PrimarySsicCode: primary.Code,
                PrimarySsicDescription: primary.Title.ToUpperInvariant(),
                SecondarySsicCode: secondary?.Code,
                SecondarySsicDescription: secondary?.Title.ToUpperInvariant(),
                NoOfOfficers: Officers(random, isBusiness));
        }
    }

    /// <summary>Writes rows as an ACRA-style CSV (RFC 4180 quoting, UTF-8, dates as YYYY-MM-DD).</summary>
    public static async Task WriteCsvAsync(IEnumerable<AcraRecord> rows, Stream output, CancellationToken cancellationToken = default)
    {
        // The registry's own names may start with "+" or "-"; this is data for the importer, not a spreadsheet.
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.None }, leaveOpen: true);
        csv.WriteHeader(AcraRecord.CsvHeader);
        foreach (var r in rows)
        {
            csv.WriteField(r.Uen);
            csv.WriteField(r.EntityName);
            csv.WriteField(r.EntityTypeDescription);
            csv.WriteField(r.EntityStatusDescription);
            csv.WriteField(r.RegistrationIncorporationDate);
            csv.WriteField(r.Block);
            csv.WriteField(r.StreetName);
            csv.WriteField(r.LevelNo);
            csv.WriteField(r.UnitNo);
            csv.WriteField(r.BuildingName);
            csv.WriteField(r.PostalCode);
            csv.WriteField(r.PrimarySsicCode);
            csv.WriteField(r.PrimarySsicDescription);
            csv.WriteField(r.SecondarySsicCode);
            csv.WriteField(r.SecondarySsicDescription);
            csv.WriteField(r.NoOfOfficers);
            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    private (string Code, string Title) SecondaryFor(Random random, string primary)
    {
        // Secondary activities usually sit near the primary one: same division half the time.
        var sameDivision = _codesByDivision[primary[..2]].Where(c => c.Code != primary).ToList();
        return sameDivision.Count > 0 && random.NextDouble() < 0.5
            ? sameDivision[random.Next(sameDivision.Count)]
            : _codes[random.Next(_codes.Count)];
    }

    private static T Pick<T>(Random random, (T Value, double Weight)[] options)
    {
        var roll = random.NextDouble() * options.Sum(o => o.Weight);
        foreach (var (value, weight) in options)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }

    private static DateOnly IncorporationDate(Random random)
    {
        // Skewed towards recent years, as the registry is: half the entities are under fifteen years old.
        var yearsAgo = (int)Math.Floor(Math.Pow(random.NextDouble(), 1.8) * 60);
        var year = 2025 - yearsAgo;
        return new DateOnly(year, random.Next(1, 13), random.Next(1, 29));
    }

    private static string UniqueName(Random random, char section, string type, HashSet<string> used, int index)
    {
        var words = SectionWords[section];
        var suffix = type switch
        {
            "Local Company" => random.NextDouble() < 0.85 ? " Pte. Ltd." : " Ltd.",
            "Limited Liability Partnerships" => " LLP",
            "Foreign Company" => random.NextDouble() < 0.5 ? " (Singapore Branch)" : " Limited",
            "Public Company Limited by Guarantee" => " Ltd.",
            "Limited Partnership" => " LP",
            _ => "",
        };
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var name = $"{NameStarts[random.Next(NameStarts.Length)]} {words[random.Next(words.Length)]}{suffix}";
            if (attempt > 0)
            {
                name = $"{NameStarts[random.Next(NameStarts.Length)]} {words[random.Next(words.Length)]} {(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{suffix}";
            }

            if (used.Add(name))
            {
                return name.ToUpperInvariant();
            }
        }

        var numbered = $"{NameStarts[random.Next(NameStarts.Length)]} {words[random.Next(words.Length)]} {index}{suffix}";
        used.Add(numbered);
        return numbered.ToUpperInvariant();
    }

    private static string Uen(Random random, string type, DateOnly date, int index, Dictionary<int, int> perYear)
    {
        var check = (char)('A' + random.Next(26));
        if (type is "Local Company" or "Public Company Limited by Guarantee")
        {
            // Companies: year of incorporation + a 5-digit serial within the year + check letter, e.g. 201912345K.
            var serial = perYear[date.Year] = perYear.GetValueOrDefault(date.Year) + 1;
            if (serial < 100_000)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{date.Year}{serial:00000}{check}");
            }
        }

        return type switch
        {
            // Businesses: 8 digits + check letter, e.g. 53123456X.
            "Sole Proprietorship/ Partnership" => string.Create(CultureInfo.InvariantCulture, $"{50_000_000 + index:00000000}{check}"),
            // Other entities: T + year + type + serial + check letter, e.g. T08LL0001A.
            _ => string.Create(CultureInfo.InvariantCulture, $"T{date.Year % 100:00}{(type.Contains("Partnership", StringComparison.Ordinal) ? "LL" : "FC")}{index:000000}{check}"),
        };
    }

    private static int Officers(Random random, bool isBusiness)
    {
        var roll = random.NextDouble();
        return isBusiness ? 1 + (int)(roll * roll * 3) : 1 + (int)(Math.Pow(roll, 3) * 40);
    }
}
