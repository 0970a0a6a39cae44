using System.Globalization;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Industries;

namespace IcpSearch.Grains.Search;

/// <summary>
/// Validates and normalises an ICP profile; a problem raises <see cref="InvalidSearchException"/> naming the field.
/// </summary>
public static class IcpProfileValidator
{
    private const int MaxListItems = 50;

    /// <summary>Returns the profile with codes upper-cased and lists trimmed and de-duplicated.</summary>
    public static IcpProfile Normalise(IcpProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var codes = CleanList(profile.TargetSsicCodes, "target_ssic_codes").Select(c => c.ToUpperInvariant()).ToList();
        for (var i = 0; i < codes.Count; i++)
        {
            if (SsicHierarchy.LevelOf(codes[i]) == 0 || SsicHierarchy.SectionOf(codes[i]) is null)
            {
                throw new InvalidSearchException($"target_ssic_codes[{i}]",
                    $"'{codes[i]}' is not an SSIC section letter (A-U) or a 2- to 5-digit SSIC code.");
            }
        }

        CheckRange(profile.MinAgeYears, profile.MaxAgeYears, "min_age_years", "max_age_years", 200);
        CheckRange(profile.MinOfficers, profile.MaxOfficers, "min_officers", "max_officers", 100_000);
        var districts = CleanList(profile.Districts, "districts");
        for (var i = 0; i < districts.Count; i++)
        {
            // "9", "09" and "D09" all name district 9; stored as the two digits the chat's filters use.
            var text = districts[i].StartsWith('D') || districts[i].StartsWith('d') ? districts[i][1..] : districts[i];
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 28)
            {
                throw new InvalidSearchException($"districts[{i}]", $"'{districts[i]}' is not a Singapore postal district (1 to 28, e.g. \"09\" or \"D09\").");
            }

            districts[i] = number.ToString("00", CultureInfo.InvariantCulture);
        }

        return new IcpProfile(
            codes,
            profile.MinAgeYears,
            profile.MaxAgeYears,
            CleanList(profile.EntityTypes, "entity_types"),
            CleanList(profile.Statuses, "statuses"),
            profile.MinOfficers,
            profile.MaxOfficers,
            // A List, not a collection expression: the tenants storage (Newtonsoft, type names on) cannot read back
            // the compiler's synthesized read-only list type, and the tenant grain would fail to activate again.
            districts.Distinct(StringComparer.Ordinal).ToList(),
            CheckWeights(profile.FactorWeights));
    }

    private static IcpWeights CheckWeights(IcpWeights weights)
    {
        (string Field, int Value)[] all =
        [
            ("weights.industry", weights.Industry), ("weights.status", weights.Status), ("weights.age", weights.Age),
            ("weights.size", weights.Size), ("weights.district", weights.District), ("weights.entity_type", weights.EntityType),
        ];
        foreach (var (field, value) in all)
        {
            if (value is < 0 or > IcpWeights.Max)
            {
                throw new InvalidSearchException(field, $"{field} must be between 0 and {IcpWeights.Max} (got {value}).");
            }
        }

        return weights.Total == 0
            ? throw new InvalidSearchException("weights", "At least one weight must be above 0; the score is the weighted mean of the factors.")
            : weights;
    }

    private static List<string> CleanList(IReadOnlyList<string>? items, string field)
    {
        if (items is null)
        {
            return [];
        }

        if (items.Count > MaxListItems)
        {
            throw new InvalidSearchException(field, $"{field} has {items.Count} items; at most {MaxListItems} are allowed.");
        }

        var cleaned = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i]?.Trim();
            if (string.IsNullOrEmpty(item) || item.Length > 100)
            {
                throw new InvalidSearchException($"{field}[{i}]", $"{field}[{i}] must be a non-empty string of at most 100 characters.");
            }

            if (!cleaned.Contains(item, StringComparer.OrdinalIgnoreCase))
            {
                cleaned.Add(item);
            }
        }

        return cleaned;
    }

    private static void CheckRange(int? min, int? max, string minField, string maxField, int limit)
    {
        if (min is < 0 || min > limit)
        {
            throw new InvalidSearchException(minField, $"{minField} must be between 0 and {limit}.");
        }

        if (max is < 0 || max > limit)
        {
            throw new InvalidSearchException(maxField, $"{maxField} must be between 0 and {limit}.");
        }

        if (min is { } lo && max is { } hi && lo > hi)
        {
            throw new InvalidSearchException(maxField, $"{maxField} ({hi}) is below {minField} ({lo}).");
        }
    }
}
