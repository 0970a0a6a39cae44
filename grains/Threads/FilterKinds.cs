using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Search.Understanding;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// Names the filters a <see cref="SearchFilters"/> states and moves them from one to another, so a follow-up replaces
/// exactly the constraints it restates ("only in Tampines" replaces the district, keeps the officers).
/// </summary>
public static class FilterKinds
{
    /// <summary>The postal districts.</summary>
    public const string Districts = "districts";

    /// <summary>The number of officers.</summary>
    public const string Officers = "officers";

    /// <summary>The incorporation dates.</summary>
    public const string Incorporated = "incorporated";

    /// <summary>The company's age.</summary>
    public const string AgeYears = "age_years";

    /// <summary>The entity types.</summary>
    public const string EntityTypes = "entity_types";

    /// <summary>The statuses.</summary>
    public const string Statuses = "statuses";

    /// <summary>The excluded industries.</summary>
    public const string Exclude = "exclude";

    /// <summary>The constraints the registry cannot answer.</summary>
    public const string NotApplicable = "not_applicable";

    /// <summary>Returns the kinds of filter <paramref name="filters"/> states, that is, sets apart from <see cref="SearchFilters.Default"/>.</summary>
    public static IReadOnlyList<string> Of(SearchFilters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var kinds = new List<string>();
        if (filters.Districts.Count > 0)
        {
            kinds.Add(Districts);
        }

        if (filters.Officers is not null)
        {
            kinds.Add(Officers);
        }

        if (filters.Incorporated is not null)
        {
            kinds.Add(Incorporated);
        }

        if (filters.AgeYears is not null)
        {
            kinds.Add(AgeYears);
        }

        if (filters.EntityTypes.Count > 0)
        {
            kinds.Add(EntityTypes);
        }

        if (!filters.Statuses.SequenceEqual(SearchFilters.Default.Statuses))
        {
            kinds.Add(Statuses);
        }

        if (filters.Exclude.Count > 0)
        {
            kinds.Add(Exclude);
        }

        if (filters.NotApplicable.Count > 0)
        {
            kinds.Add(NotApplicable);
        }

        return kinds;
    }

    /// <summary>
    /// Returns the kinds of filter a constraint's words state, read by the message parser itself: the parser's own
    /// label of a constraint parses back to the same kind ("more than 20 officers", "Jurong (D22)").
    /// </summary>
    public static IReadOnlyList<string> OfWords(string words) => Of(MessageParser.Parse(words).Filters);

    /// <summary>Returns <paramref name="current"/> with the filters of <paramref name="kinds"/> taken from <paramref name="change"/>.</summary>
    public static SearchFilters Take(SearchFilters current, SearchFilters change, IReadOnlyCollection<string> kinds)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(kinds);
        return current with
        {
            Districts = kinds.Contains(Districts) ? change.Districts : current.Districts,
            Officers = kinds.Contains(Officers) ? change.Officers : current.Officers,
            Incorporated = kinds.Contains(Incorporated) ? change.Incorporated : current.Incorporated,
            AgeYears = kinds.Contains(AgeYears) ? change.AgeYears : current.AgeYears,
            EntityTypes = kinds.Contains(EntityTypes) ? change.EntityTypes : current.EntityTypes,
            Statuses = kinds.Contains(Statuses) ? change.Statuses : current.Statuses,
            Exclude = kinds.Contains(Exclude) ? change.Exclude : current.Exclude,
            NotApplicable = kinds.Contains(NotApplicable) ? change.NotApplicable : current.NotApplicable,
        };
    }
}
