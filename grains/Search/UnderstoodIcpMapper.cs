using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Search;

/// <summary>
/// Turns what a search understood into an ICP profile ("Save as my ICP"): the headings named become the target
/// industries at their own level, the filters become the profile's bands and lists, and the weights stay the tenant's.
/// </summary>
/// <remarks>
/// Ages are in the scorer's terms, whole calendar years (<c>year - incorporation year</c>), so an incorporation range
/// converts exactly: incorporated from 1 January F means at most <c>year - F</c> years old, up to 31 December T at
/// least <c>year - T</c>. A search's age maximum is exclusive ("less than 3 years old") and the profile's inclusive,
/// so it becomes max - 1. When both an age and an incorporation range were understood the profile takes the narrower
/// band. The result is not yet validated: it goes through <see cref="IcpProfileValidator"/> like any other profile.
/// </remarks>
public static class UnderstoodIcpMapper
{
    /// <summary>Returns the profile <paramref name="understood"/> describes, scored with <paramref name="weights"/>, and what it cannot hold.</summary>
    /// <param name="understood">What a search understood.</param>
    /// <param name="weights">The tenant's current weights, kept.</param>
    /// <param name="year">The current year (UTC), which ages are counted from.</param>
    public static UnderstoodIcp Map(SearchUnderstanding understood, IcpWeights weights, int year)
    {
        ArgumentNullException.ThrowIfNull(understood);
        ArgumentNullException.ThrowIfNull(weights);
        var filters = understood.Filters ?? SearchFilters.Default;
        var notCarried = new List<string>();

        var codes = (understood.Industries ?? []).Select(i => i.Code).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (codes.Count == 0)
        {
            notCarried.Add("no industry was understood: the profile targets the industries each search names");
        }

        var (minAge, maxAge) = Ages(filters, year);
        var profile = new IcpProfile(
            codes,
            minAge,
            maxAge,
            EntityTypes(filters.EntityTypes ?? []),
            Statuses(filters.Statuses ?? []),
            filters.Officers?.Min,
            filters.Officers?.Max,
            [.. filters.Districts ?? []],
            weights);

        notCarried.AddRange((filters.Exclude ?? []).Select(phrase => $"except {phrase}: a profile has no exclusions"));
        notCarried.AddRange((filters.NotApplicable ?? []).Select(what => $"{what}: not in the registry"));
        return new UnderstoodIcp(profile, notCarried);
    }

    private static (int? Min, int? Max) Ages(SearchFilters filters, int year)
    {
        var mins = new List<int>();
        var maxes = new List<int>();
        if (filters.AgeYears is { } age)
        {
            if (age.Min is { } min)
            {
                mins.Add(min);
            }

            if (age.Max is { } max)
            {
                maxes.Add(Math.Max(0, max - 1));
            }
        }

        if (filters.Incorporated is { } incorporated)
        {
            if (incorporated.To is { } to)
            {
                mins.Add(year - to.Year);
            }

            if (incorporated.From is { } from)
            {
                maxes.Add(Math.Max(0, year - from.Year));
            }
        }

        // A lower bound of 0 (or one in the future) bounds nothing.
        int? lower = mins.Count > 0 && mins.Max() > 0 ? mins.Max() : null;
        int? upper = maxes.Count > 0 ? maxes.Min() : null;
        return (lower, upper);
    }

    private static List<string> EntityTypes(IReadOnlyList<string> types)
    {
        var byCode = IcpVocabularyCatalog.Vocabulary.EntityTypes.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        var descriptions = new List<string>();
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] is null || !byCode.TryGetValue(types[i], out var type))
            {
                throw new InvalidSearchException($"filters.entity_types[{i}]",
                    $"'{types[i]}' is not an entity type of a search ({string.Join(", ", byCode.Keys)}).");
            }

            descriptions.AddRange(type.Descriptions.Where(d => !descriptions.Contains(d, StringComparer.Ordinal)));
        }

        return descriptions;
    }

    // A profile without statuses targets live entities, as a search's default "live" does; "inactive" names the
    // statuses that are not live, and a search of any status (no statuses) names them all.
    private static List<string> Statuses(IReadOnlyList<string> statuses)
    {
        var live = false;
        var inactive = false;
        for (var i = 0; i < statuses.Count; i++)
        {
            switch (statuses[i]?.ToLowerInvariant())
            {
                case "live":
                    live = true;
                    break;
                case "inactive":
                    inactive = true;
                    break;
                default:
                    throw new InvalidSearchException($"filters.statuses[{i}]", $"'{statuses[i]}' is not a status of a search (live, inactive).");
            }
        }

        return (live, inactive) switch
        {
            (true, false) => [],
            (false, true) => [.. IcpVocabularyCatalog.StatusesWhere(live: false)],
            _ => [.. IcpVocabularyCatalog.StatusesWhere(live: true), .. IcpVocabularyCatalog.StatusesWhere(live: false)],
        };
    }
}
