using System.Collections.Frozen;

namespace IcpSearch.Grains.Registry;

/// <summary>
/// The registry's <c>entity_type_description</c> values (lower case) behind each typed entity type of a search.
/// </summary>
/// <remarks>
/// ACRA files one "Sole Proprietorship/ Partnership" type for both, so that value answers either; "Local Company"
/// is where private limited companies are filed.
/// </remarks>
public static class EntityTypeDescriptions
{
    /// <summary>Gets the descriptions of each typed entity type.</summary>
    public static FrozenDictionary<string, string[]> ByType { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["private_limited"] = ["local company", "private company limited by shares", "exempt private company limited by shares"],
        ["llp"] = ["limited liability partnerships", "limited liability partnership"],
        ["sole_proprietorship"] = ["sole proprietorship/ partnership", "sole proprietorship/partnership", "sole proprietorship", "sole proprietor"],
        ["partnership"] = ["sole proprietorship/ partnership", "sole proprietorship/partnership", "partnership", "limited partnership", "limited partnerships"],
        ["foreign_company"] = ["foreign company", "foreign company branch"],
        ["public_company"] = ["public company limited by guarantee", "public company limited by shares", "public company"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Returns the descriptions of the given types, distinct; unknown types add nothing.</summary>
    public static string[] For(IEnumerable<string> types)
        => [.. types.SelectMany(t => ByType.TryGetValue(t, out var d) ? d : []).Distinct(StringComparer.Ordinal)];
}
