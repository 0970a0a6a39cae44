using System.Globalization;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;

namespace IcpSearch.Grains.Search;

/// <summary>
/// The one list of districts, entity types and statuses behind the console's ICP form and the mapping of a search's
/// filters onto a profile, built from the registry's own tables so neither keeps a copy.
/// </summary>
public static class IcpVocabularyCatalog
{
    // The order a form lists the types in, with their names for people; the descriptions come from the registry's table.
    private static readonly (string Code, string Label)[] TypeLabels =
    [
        ("private_limited", "Private limited company"), ("public_company", "Public company"), ("llp", "Limited liability partnership"),
        ("sole_proprietorship", "Sole proprietorship"), ("partnership", "Partnership"), ("foreign_company", "Foreign company"),
    ];

    // The live statuses are the ones live_rank counts as live (sql/006_staging_acra_companies.sql); the rest are the
    // statuses ACRA files for companies and for businesses that are no longer live.
    private static readonly string[] LiveStatuses = ["Live Company", "Live", "Registered", "Existing"];

    private static readonly string[] InactiveStatuses =
    [
        "Struck Off", "Gazetted to be Struck Off", "In Liquidation", "Dissolved", "Amalgamated", "Cancelled", "Ceased Registration", "Expired",
    ];

    /// <summary>Gets the vocabulary.</summary>
    public static IcpVocabulary Vocabulary { get; } = new(
        [.. PostalDistricts.All.Select(d => new IcpDistrict(d.District.ToString("00", CultureInfo.InvariantCulture), d.Places))],
        [.. TypeLabels.Select(t => new IcpEntityType(t.Code, t.Label, EntityTypeDescriptions.ByType[t.Code]))],
        [.. LiveStatuses.Select(s => new IcpStatus(s, true)), .. InactiveStatuses.Select(s => new IcpStatus(s, false))]);

    /// <summary>Returns the statuses that are live (<paramref name="live"/>) or not.</summary>
    public static IReadOnlyList<string> StatusesWhere(bool live)
        => [.. Vocabulary.Statuses.Where(s => s.Live == live).Select(s => s.Description)];
}
