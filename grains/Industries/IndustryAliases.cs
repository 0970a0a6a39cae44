using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// The words SDRs use for industries that no SSIC 2020 title spells out, mapped to the headings they mean, and the
/// words that sound like an industry but name none ("SMEs").
/// </summary>
/// <remarks>
/// Full-text search finds "manufacturing" in the title of section C, but no title says "hospitality", "fintech" or
/// "F&amp;B". Each alias names section letters, division/group/class prefixes or 5-digit codes of the real SSIC 2020
/// (a test checks every one exists in the bundled reference) and, like an exact title, stands for every code under
/// them. Lookup ignores a plural "s" and a trailing generic word ("law firms" = "law firm" = "law").
/// </remarks>
public static class IndustryAliases
{
    /// <summary>Gets the headings each alias stands for.</summary>
    public static FrozenDictionary<string, string[]> Headings { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // Goods-producing
        ["manufacturer"] = ["C"],
        ["factory"] = ["C"],
        ["factories"] = ["C"],
        ["food manufacturing"] = ["10"],
        ["food manufacturer"] = ["10"],
        ["food production"] = ["10"],
        ["food processing"] = ["10"],
        ["beverage manufacturing"] = ["11"],
        ["semiconductor"] = ["2611"],
        ["electronics manufacturing"] = ["26"],
        ["electronics"] = ["26"],
        ["pharma"] = ["21"],
        ["pharmaceutical"] = ["21"],
        ["pharmaceuticals"] = ["21"],
        ["chemical"] = ["20"],
        ["chemicals"] = ["20"],
        ["builder"] = ["F"],
        ["contractor"] = ["F"],
        ["construction"] = ["F"],
        ["renovation"] = ["43301"],
        ["renovation contractor"] = ["43301"],
        ["agriculture"] = ["A"],
        ["farming"] = ["01"],
        ["farm"] = ["01"],
        ["fishing"] = ["03"],
        ["fishery"] = ["03"],
        ["fisheries"] = ["03"],
        ["aquaculture"] = ["03"],
        ["mining"] = ["B"],
        ["utility"] = ["D", "36"],
        ["utilities"] = ["D", "36"],
        ["energy"] = ["D"],
        ["power"] = ["D"],

        // Trade
        ["wholesale"] = ["46"],
        ["wholesaler"] = ["46"],
        ["trading"] = ["46"],
        ["distributor"] = ["46"],
        ["distribution"] = ["46"],
        ["retail"] = ["47"],
        ["retailer"] = ["47"],
        ["e-commerce"] = ["47910"],
        ["ecommerce"] = ["47910"],
        ["online retail"] = ["47910"],

        // Transport and logistics
        ["logistics"] = ["52291", "52292", "521", "4923", "53200"],
        ["3pl"] = ["52291"],
        ["freight forwarding"] = ["52292"],
        ["freight forwarder"] = ["52292"],
        ["trucking"] = ["49231"],
        ["haulage"] = ["49231"],
        ["courier"] = ["53200"],
        ["last mile delivery"] = ["53200", "49232"],
        ["warehousing"] = ["521"],
        ["warehouse"] = ["521"],
        ["cold chain"] = ["52102"],
        ["transport"] = ["49", "50", "51"],
        ["transportation"] = ["H"],
        ["shipping"] = ["50", "52221", "52222", "52226", "52227"],
        ["maritime"] = ["50", "522"],
        ["aviation"] = ["51", "5223"],
        ["airline"] = ["51"],

        // Hospitality, food and beverage
        ["hospitality"] = ["I"],
        ["hotel"] = ["55101", "55102"],
        ["f&b"] = ["56"],
        ["fnb"] = ["56"],
        ["f and b"] = ["56"],
        ["food and beverage"] = ["56"],
        ["restaurant"] = ["5611", "5612"],
        ["eatery"] = ["5611", "5612"],
        ["eateries"] = ["5611", "5612"],
        ["cafe"] = ["56112"],
        ["coffee shop"] = ["56112", "56122"],
        ["bar"] = ["56130"],
        ["pub"] = ["56130"],
        ["caterer"] = ["562"],
        ["catering"] = ["562"],
        ["hawker"] = ["56140"],

        // Information and communications
        ["infocomm"] = ["J"],
        ["ict"] = ["J"],
        ["it"] = ["62", "63"],
        ["tech"] = ["62", "63"],
        ["technology"] = ["62", "63"],
        ["software"] = ["6201"],
        ["saas"] = ["6201"],
        ["software development"] = ["6201"],
        ["app development"] = ["6201"],
        ["software house"] = ["6201"],
        ["cybersecurity"] = ["62014", "62022"],
        ["cyber security"] = ["62014", "62022"],
        ["it consulting"] = ["6202"],
        ["it consultancy"] = ["6202"],
        ["it services"] = ["62", "63"],
        ["cloud"] = ["63111"],
        ["data centre"] = ["63112"],
        ["data center"] = ["63112"],
        ["media"] = ["58", "59", "60"],
        ["telecom"] = ["61"],
        ["telecoms"] = ["61"],
        ["telco"] = ["61"],
        ["telcos"] = ["61"],
        ["publishing"] = ["58"],

        // Finance, insurance, real estate
        ["finance"] = ["K"],
        ["financial service"] = ["K"],
        ["financial institution"] = ["K"],
        ["banking"] = ["641"],
        ["bank"] = ["641"],
        ["fintech"] = ["66195", "64994", "64922", "64999", "66199"],
        ["payment"] = ["66195"],
        ["payments"] = ["66195"],
        ["insurance"] = ["65", "662"],
        ["insurer"] = ["65"],
        ["insurtech"] = ["65", "662"],
        ["asset management"] = ["663"],
        ["fund management"] = ["663"],
        ["asset manager"] = ["663"],
        ["private equity"] = ["66304"],
        ["venture capital"] = ["66305"],
        ["vc"] = ["66305"],
        ["family office"] = ["66306"],
        ["property"] = ["L"],
        ["real estate"] = ["L"],
        ["proptech"] = ["L"],
        ["property developer"] = ["68101"],
        ["real estate agency"] = ["68201"],
        ["property agency"] = ["68201"],

        // Professional services
        ["legal"] = ["69100"],
        ["law"] = ["69100"],
        ["lawyer"] = ["69100"],
        ["law practice"] = ["69100"],
        ["accounting"] = ["692"],
        ["accountant"] = ["692"],
        ["accountancy"] = ["692"],
        ["audit"] = ["69201"],
        ["auditor"] = ["69201"],
        ["bookkeeping"] = ["69202"],
        ["tax"] = ["69201"],
        ["consulting"] = ["702"],
        ["consultancy"] = ["702"],
        ["consultant"] = ["702"],
        ["management consulting"] = ["702"],
        ["hr consulting"] = ["70204"],
        ["pr"] = ["70205"],
        ["public relation"] = ["70205"],
        ["public relations"] = ["70205"],
        ["advertising"] = ["73100"],
        ["ad agency"] = ["73100"],
        ["marketing"] = ["73"],
        ["marketing agency"] = ["73"],
        ["digital marketing"] = ["73100"],
        ["market research"] = ["73200"],
        ["architect"] = ["71111"],
        ["architecture"] = ["71111"],
        ["engineering consultancy"] = ["7112"],
        ["engineering"] = ["7112"],
        ["interior design"] = ["74191"],
        ["interior designer"] = ["74191"],
        ["design agency"] = ["7419"],
        ["r&d"] = ["72"],
        ["research"] = ["72"],
        ["biotech"] = ["72101"],
        ["biotechnology"] = ["72101"],

        // Support services
        ["recruitment"] = ["78"],
        ["recruiter"] = ["78"],
        ["staffing"] = ["78"],
        ["headhunter"] = ["78105"],
        ["executive search"] = ["78105"],
        ["manpower"] = ["78101", "78102"],
        ["security"] = ["80"],
        ["security guard"] = ["80002"],
        ["cleaning"] = ["812"],
        ["cleaner"] = ["812"],
        ["travel"] = ["79"],
        ["travel agency"] = ["79"],
        ["events"] = ["8230"],
        ["event management"] = ["8230"],

        // Education, health, arts, personal services
        ["education"] = ["P"],
        ["edtech"] = ["P"],
        ["school"] = ["851", "852", "853"],
        ["tuition"] = ["85494"],
        ["tuition centre"] = ["85494"],
        ["tuition center"] = ["85494"],
        ["tutoring"] = ["85494"],
        ["enrichment centre"] = ["8542"],
        ["training provider"] = ["85491"],
        ["corporate training"] = ["85491"],
        ["healthcare"] = ["86"],
        ["health care"] = ["86"],
        ["medical"] = ["86"],
        ["healthtech"] = ["86"],
        ["hospital"] = ["861"],
        ["clinic"] = ["862"],
        ["medical clinic"] = ["86201", "86202", "86203"],
        ["dental"] = ["86204"],
        ["dentist"] = ["86204"],
        ["dental clinic"] = ["86204"],
        ["aged care"] = ["87"],
        ["nursing home"] = ["87"],
        ["elderly care"] = ["87"],
        ["arts"] = ["90"],
        ["entertainment"] = ["R"],
        ["sports"] = ["93"],
        ["gym"] = ["93111"],
        ["fitness"] = ["93111"],
        ["fitness centre"] = ["93111"],
        ["salon"] = ["96021", "96022"],
        ["beauty"] = ["96022", "96023", "96029"],
        ["spa"] = ["96022"],
        ["laundry"] = ["9601"],
        ["wedding"] = ["96040"],
        ["childcare"] = ["88911", "88912"],
        ["child care"] = ["88911", "88912"],
        ["preschool"] = ["85101", "88911"],
        ["car workshop"] = ["95301"],
        ["car repair"] = ["95301"],
        ["motor workshop"] = ["95301"],
        ["shipyard"] = ["30110"],
        ["shipbuilding"] = ["301"],
        ["event organiser"] = ["82301", "82302", "82303"],
        ["event organizer"] = ["82301", "82302", "82303"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets words that describe a kind or size of company, not an industry: they resolve to nothing.</summary>
    public static FrozenSet<string> NotIndustries { get; } = new[]
    {
        "sme", "smes", "msme", "msmes", "startup", "startups", "start-up", "start-ups", "mnc", "mncs",
        "multinational", "multinationals", "b2b", "b2c", "enterprise", "enterprises", "local business", "local businesses",
        "small business", "small businesses", "big companies", "large companies", "corporates", "corporate",
        "unicorn", "unicorns", "scaleup", "scaleups", "scale-up", "scale-ups", "brand", "brands", "client", "clients",
        "customer", "customers", "vendor", "vendors", "supplier", "suppliers", "provider", "providers",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words after an industry that say "a kind of company" without changing the industry ("law firms", "IT services").
    private static readonly string[] GenericTails =
    [
        " firms", " firm", " companies", " company", " businesses", " business", " providers", " provider",
        " players", " player", " services", " service", " industry", " industries", " sector", " agencies", " agency",
        " operators", " operator", " specialists", " outfits", " shops", " houses", " outlets", " outlet",
    ];

    // Words before an industry that qualify the company, not the industry ("private clinics", "independent bookshops");
    // taken off only when what is left is itself an alias, so "private equity" stays whole.
    private static readonly string[] Qualifiers = ["private ", "independent ", "boutique ", "licensed ", "local "];

    /// <summary>Returns whether the term is a known alias, or a word that names no industry (then with no headings).</summary>
    public static bool TryGet(string term, [NotNullWhen(true)] out string[]? headings)
    {
        foreach (var form in Forms(term))
        {
            if (NotIndustries.Contains(form))
            {
                headings = [];
                return true;
            }

            if (Headings.TryGetValue(form, out headings))
            {
                return true;
            }
        }

        headings = null;
        return false;
    }

    /// <summary>Returns whether the term is a word that names no industry ("SMEs", "startups").</summary>
    public static bool IsNotAnIndustry(string term) => TryGet(term, out var headings) && headings.Length == 0;

    private static IEnumerable<string> Forms(string term)
    {
        var text = term.Trim().ToLowerInvariant();
        foreach (var form in Unqualified(text))
        {
            yield return form;
        }

        foreach (var qualifier in Qualifiers)
        {
            if (text.Length > qualifier.Length && text.StartsWith(qualifier, StringComparison.Ordinal))
            {
                foreach (var form in Unqualified(text[qualifier.Length..]))
                {
                    yield return form;
                }
            }
        }
    }

    private static IEnumerable<string> Unqualified(string text)
    {
        foreach (var form in Singulars(text))
        {
            yield return form;
        }

        foreach (var tail in GenericTails)
        {
            if (text.Length > tail.Length && text.EndsWith(tail, StringComparison.Ordinal))
            {
                foreach (var form in Singulars(text[..^tail.Length]))
                {
                    yield return form;
                }
            }
        }
    }

    private static IEnumerable<string> Singulars(string text)
    {
        yield return text;
        if (text.EndsWith("ies", StringComparison.Ordinal) && text.Length > 4)
        {
            yield return text[..^3] + "y";
        }

        if (text.EndsWith('s') && !text.EndsWith("ss", StringComparison.Ordinal) && text.Length > 3)
        {
            yield return text[..^1];
        }
    }
}
