using System.Collections.Frozen;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// The stable top of the SSIC 2020 classification: its 21 sections and the divisions under each.
/// </summary>
/// <remarks>
/// SSIC 2020 keeps ISIC Rev. 4's sections and divisions, so these titles are known without any import. They let a
/// reference holding only 5-digit codes still resolve "manufacturing" (section C) or "warehousing" (division 52).
/// </remarks>
public static class SsicHierarchy
{
    /// <summary>Gets the section titles by letter.</summary>
    public static FrozenDictionary<char, string> Sections { get; } = new Dictionary<char, string>
    {
        ['A'] = "Agriculture and Fishing",
        ['B'] = "Mining and Quarrying",
        ['C'] = "Manufacturing",
        ['D'] = "Electricity, Gas, Steam and Air-Conditioning Supply",
        ['E'] = "Water Supply; Sewerage, Waste Management and Remediation Activities",
        ['F'] = "Construction",
        ['G'] = "Wholesale and Retail Trade",
        ['H'] = "Transportation and Storage",
        ['I'] = "Accommodation and Food Service Activities",
        ['J'] = "Information and Communications",
        ['K'] = "Financial and Insurance Activities",
        ['L'] = "Real Estate Activities",
        ['M'] = "Professional, Scientific and Technical Activities",
        ['N'] = "Administrative and Support Service Activities",
        ['O'] = "Public Administration and Defence",
        ['P'] = "Education",
        ['Q'] = "Health and Social Services",
        ['R'] = "Arts, Entertainment and Recreation",
        ['S'] = "Other Service Activities",
        ['T'] = "Activities of Households as Employers of Domestic Personnel",
        ['U'] = "Activities of Extra-Territorial Organisations and Bodies",
    }.ToFrozenDictionary();

    /// <summary>Gets the division titles by 2-digit code.</summary>
    public static FrozenDictionary<string, string> Divisions { get; } = new Dictionary<string, string>
    {
        ["01"] = "Crop and animal production, hunting and related service activities",
        ["02"] = "Forestry and logging",
        ["03"] = "Fishing and aquaculture",
        ["05"] = "Mining of coal and lignite",
        ["06"] = "Extraction of crude petroleum and natural gas",
        ["07"] = "Mining of metal ores",
        ["08"] = "Other mining and quarrying",
        ["09"] = "Mining support service activities",
        ["10"] = "Manufacture of food products",
        ["11"] = "Manufacture of beverages",
        ["12"] = "Manufacture of tobacco products",
        ["13"] = "Manufacture of textiles",
        ["14"] = "Manufacture of wearing apparel",
        ["15"] = "Manufacture of leather and related products",
        ["16"] = "Manufacture of wood and products of wood and cork, except furniture",
        ["17"] = "Manufacture of paper and paper products",
        ["18"] = "Printing and reproduction of recorded media",
        ["19"] = "Manufacture of coke and refined petroleum products",
        ["20"] = "Manufacture of chemicals and chemical products",
        ["21"] = "Manufacture of pharmaceutical and biological products",
        ["22"] = "Manufacture of rubber and plastic products",
        ["23"] = "Manufacture of other non-metallic mineral products",
        ["24"] = "Manufacture of basic metals",
        ["25"] = "Manufacture of fabricated metal products, except machinery and equipment",
        ["26"] = "Manufacture of computer, electronic and optical products",
        ["27"] = "Manufacture of electrical equipment",
        ["28"] = "Manufacture of machinery and equipment n.e.c.",
        ["29"] = "Manufacture of motor vehicles, trailers and semi-trailers",
        ["30"] = "Manufacture of other transport equipment",
        ["31"] = "Manufacture of furniture",
        ["32"] = "Other manufacturing",
        ["33"] = "Repair and installation of machinery and equipment",
        ["35"] = "Electricity, gas, steam and air-conditioning supply",
        ["36"] = "Water collection, treatment and supply",
        ["37"] = "Sewerage",
        ["38"] = "Waste collection, treatment and disposal activities; materials recovery",
        ["39"] = "Remediation activities and other waste management services",
        ["41"] = "Construction of buildings",
        ["42"] = "Civil engineering",
        ["43"] = "Specialised construction activities",
        ["45"] = "Wholesale and retail trade and repair of motor vehicles and motorcycles",
        ["46"] = "Wholesale trade",
        ["47"] = "Retail trade",
        ["49"] = "Land transport and transport via pipelines",
        ["50"] = "Water transport",
        ["51"] = "Air transport",
        ["52"] = "Warehousing and support activities for transportation",
        ["53"] = "Postal and courier activities",
        ["55"] = "Accommodation",
        ["56"] = "Food and beverage service activities",
        ["58"] = "Publishing activities",
        ["59"] = "Motion picture, video and television programme production, sound recording and music publishing activities",
        ["60"] = "Programming and broadcasting activities",
        ["61"] = "Telecommunications",
        ["62"] = "Computer programming, consultancy and related activities",
        ["63"] = "Information service activities",
        ["64"] = "Financial service activities, except insurance and pension funding",
        ["65"] = "Insurance, reinsurance and pension funding, except compulsory social security",
        ["66"] = "Activities auxiliary to financial service and insurance activities",
        ["68"] = "Real estate activities",
        ["69"] = "Legal and accounting activities",
        ["70"] = "Activities of head offices; management consultancy activities",
        ["71"] = "Architectural and engineering activities; technical testing and analysis",
        ["72"] = "Scientific research and development",
        ["73"] = "Advertising and market research",
        ["74"] = "Other professional, scientific and technical activities",
        ["75"] = "Veterinary activities",
        ["77"] = "Rental and leasing activities",
        ["78"] = "Employment activities",
        ["79"] = "Travel agency, tour operator, reservation service and related activities",
        ["80"] = "Security and investigation activities",
        ["81"] = "Services to buildings and landscape activities",
        ["82"] = "Office administrative, office support and other business support activities",
        ["84"] = "Public administration and defence; compulsory social security",
        ["85"] = "Education",
        ["86"] = "Human health activities",
        ["87"] = "Residential care activities",
        ["88"] = "Social work activities without accommodation",
        ["90"] = "Creative, arts and entertainment activities",
        ["91"] = "Libraries, archives, museums and other cultural activities",
        ["92"] = "Gambling and betting activities",
        ["93"] = "Sports activities and amusement and recreation activities",
        ["94"] = "Activities of membership organisations",
        ["95"] = "Repair of computers and personal and household goods",
        ["96"] = "Other personal service activities",
        ["97"] = "Activities of households as employers of domestic personnel",
        ["98"] = "Undifferentiated goods- and services-producing activities of private households for own use",
        ["99"] = "Activities of extra-territorial organisations and bodies",
    }.ToFrozenDictionary();

    /// <summary>Returns the section letter of a numeric SSIC code (any level), or null when the division is unknown.</summary>
    public static char? SectionOf(string code)
    {
        if (code.Length == 1 && code[0] is >= 'A' and <= 'U')
        {
            return code[0];
        }

        if (code.Length < 2 || !char.IsAsciiDigit(code[0]) || !char.IsAsciiDigit(code[1]))
        {
            return null;
        }

        var division = (code[0] - '0') * 10 + (code[1] - '0');
        return division switch
        {
            >= 1 and <= 3 => 'A',
            >= 5 and <= 9 => 'B',
            >= 10 and <= 33 => 'C',
            35 => 'D',
            >= 36 and <= 39 => 'E',
            >= 41 and <= 43 => 'F',
            >= 45 and <= 47 => 'G',
            >= 49 and <= 53 => 'H',
            55 or 56 => 'I',
            >= 58 and <= 63 => 'J',
            >= 64 and <= 66 => 'K',
            68 => 'L',
            >= 69 and <= 75 => 'M',
            >= 77 and <= 82 => 'N',
            84 => 'O',
            85 => 'P',
            >= 86 and <= 88 => 'Q',
            >= 90 and <= 93 => 'R',
            >= 94 and <= 96 => 'S',
            97 or 98 => 'T',
            99 => 'U',
            _ => null,
        };
    }

    /// <summary>Returns the level of a code: 1 section, 2 division, 3 group, 4 class, 5 SSIC code; 0 when malformed.</summary>
    public static int LevelOf(string code) => code switch
    {
        { Length: 1 } when code[0] is >= 'A' and <= 'U' => 1,
        { Length: >= 2 and <= 5 } when code.All(char.IsAsciiDigit) => code.Length,
        _ => 0,
    };

    /// <summary>Returns the code one level up: the section for a division, the prefix otherwise; null for a section.</summary>
    public static string? ParentOf(string code) => LevelOf(code) switch
    {
        2 => SectionOf(code)?.ToString(),
        >= 3 => code[..^1],
        _ => null,
    };

    /// <summary>Returns the lower-case level name used by the API.</summary>
    public static string LevelName(int level) => level switch
    {
        1 => "section",
        2 => "division",
        3 => "group",
        4 => "class",
        5 => "code",
        _ => "unknown",
    };

    /// <summary>Returns the normalised industry of a company: the title of its code's section, or null.</summary>
    public static string? IndustryOf(string? code)
        => code is null || SectionOf(code) is not { } section ? null : Sections[section];
}
