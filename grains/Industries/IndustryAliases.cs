using System.Collections.Frozen;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// Everyday names of industries that no SSIC title spells out, mapped to the headings SDRs mean by them.
/// </summary>
/// <remarks>
/// Full-text search finds "manufacturing" in the title of section C, but nobody's title says "hospitality",
/// "fintech" or "F&amp;B". These aliases name a section letter or a code prefix, and like an exact title they
/// stand for every code under it.
/// </remarks>
public static class IndustryAliases
{
    /// <summary>Gets the headings each alias stands for.</summary>
    public static FrozenDictionary<string, string[]> Headings { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["manufacturer"] = ["C"],
        ["manufacturers"] = ["C"],
        ["factory"] = ["C"],
        ["factories"] = ["C"],
        ["builders"] = ["F"],
        ["contractors"] = ["F"],
        ["agriculture"] = ["A"],
        ["farming"] = ["01"],
        ["farms"] = ["01"],
        ["mining"] = ["B"],
        ["utilities"] = ["D", "E"],
        ["energy"] = ["D"],
        ["transport"] = ["49", "50", "51"],
        ["transportation"] = ["H"],
        ["shipping"] = ["50"],
        ["aviation"] = ["51"],
        ["airlines"] = ["51"],
        ["hospitality"] = ["I"],
        ["hotels"] = ["551"],
        ["f&b"] = ["56"],
        ["fnb"] = ["56"],
        ["restaurants"] = ["561"],
        ["infocomm"] = ["J"],
        ["ict"] = ["J"],
        ["media"] = ["58", "59", "60"],
        ["telecom"] = ["61"],
        ["telecoms"] = ["61"],
        ["finance"] = ["K"],
        ["financial services"] = ["K"],
        ["banking"] = ["641"],
        ["banks"] = ["641"],
        ["fintech"] = ["6419", "6499", "66"],
        ["insurance"] = ["65"],
        ["property"] = ["L"],
        ["real estate"] = ["L"],
        ["legal"] = ["691"],
        ["law firms"] = ["691"],
        ["accounting"] = ["692"],
        ["consulting"] = ["702"],
        ["consultancy"] = ["702"],
        ["advertising"] = ["731"],
        ["marketing"] = ["73"],
        ["recruitment"] = ["78"],
        ["staffing"] = ["78"],
        ["security"] = ["80"],
        ["cleaning"] = ["812"],
        ["travel"] = ["79"],
        ["healthcare"] = ["86"],
        ["health care"] = ["86"],
        ["medical"] = ["86"],
        ["pharma"] = ["21"],
        ["pharmaceuticals"] = ["21"],
        ["chemicals"] = ["20"],
        ["education"] = ["P"],
        ["schools"] = ["85"],
        ["wholesale"] = ["46"],
        ["wholesalers"] = ["46"],
        ["trading"] = ["46"],
        ["retail"] = ["47"],
        ["retailers"] = ["47"],
        ["arts"] = ["90"],
        ["entertainment"] = ["R"],
        ["sports"] = ["93"],
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
