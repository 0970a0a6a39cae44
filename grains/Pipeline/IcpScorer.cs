using System.Globalization;
using IcpSearch.Grains.Industries;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Scores a company against an ICP: industry 40, status 20, age 15, size 15, entity type 10 points.
/// </summary>
public static class IcpScorer
{
    /// <summary>The lowest score in the high bucket.</summary>
    public const int HighFrom = 70;

    /// <summary>The lowest score in the medium bucket.</summary>
    public const int MediumFrom = 45;

    /// <summary>Returns the score, bucket and rationale of <paramref name="company"/>.</summary>
    public static LeadScore Score(CompanyDraft company, ScoringContext context)
    {
        var factors = new List<(string Text, int Points)>(5)
        {
            Industry(company.IndustryCode, company.Source.SecondarySsicCode, context),
            Status(company, context),
            Age(company.IncorporationYear, context),
            Size(company.Source.NoOfOfficers, context),
            EntityType(company.EntityType, context),
        };

        var score = Math.Clamp(factors.Sum(f => f.Points), 0, 100);
        var bucket = score >= HighFrom ? "high" : score >= MediumFrom ? "medium" : "low";
        var rationale = string.Join("; ", factors.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Text} (+{f.Points})")));
        return new LeadScore(score, bucket, rationale);
    }

    private static (string, int) Industry(string? code, string? secondary, ScoringContext context)
    {
        var profileTargets = context.Profile.TargetSsicCodes;
        var targets = profileTargets.Count > 0 ? profileTargets : context.SearchCodes;
        var source = profileTargets.Count > 0 ? "ICP" : "search";
        var primary = code is null ? ("industry unknown", 0) : IndustryFit(code, targets, source, "industry");

        // A company whose secondary activity is on target is a weaker lead than one whose main activity is.
        if (secondary is not null && primary.Item2 < 25 && targets.Any(t => Covers(t, secondary)))
        {
            return ($"secondary activity {secondary} in {source} target", 25);
        }

        return primary;
    }

    private static (string, int) IndustryFit(string code, IReadOnlyList<string> targets, string source, string label)
    {
        if (targets.Any(t => Covers(t, code)))
        {
            return ($"{label} {code} in {source} target", 40);
        }

        if (code.Length >= 2 && targets.Any(t => t.Length >= 2 && char.IsAsciiDigit(t[0]) && t[..2] == code[..2]))
        {
            return ($"{label} {code} in a target division", 25);
        }

        var section = SsicHierarchy.SectionOf(code);
        if (section is not null && targets.Any(t => SsicHierarchy.SectionOf(t) == section))
        {
            return ($"{label} {code} in target section {section}", 10);
        }

        return ($"{label} {code} outside {source} target", 0);
    }

    private static bool Covers(string target, string code)
        => target.Length == 1 ? SsicHierarchy.SectionOf(code) == target[0] : code.StartsWith(target, StringComparison.Ordinal);

    private static (string, int) Status(CompanyDraft company, ScoringContext context)
    {
        var status = company.EntityStatus ?? "unknown status";
        var statuses = context.Profile.Statuses;
        var fits = statuses.Count > 0
            ? statuses.Any(s => string.Equals(s, company.EntityStatus, StringComparison.OrdinalIgnoreCase))
            : company.Source.LiveRank == 0;
        return fits ? (status, 20) : ($"{status} not targeted", 0);
    }

    private static (string, int) Age(int? year, ScoringContext context)
    {
        if (year is null)
        {
            return ("age unknown", 0);
        }

        var age = Math.Max(0, context.Today.Year - year.Value);
        var (min, max) = (context.Profile.MinAgeYears, context.Profile.MaxAgeYears);
        if (min is null && max is null)
        {
            // With no ICP bound, established companies are the safer lead.
            var points = age >= 3 ? 15 : age >= 1 ? 8 : 4;
            return (string.Create(CultureInfo.InvariantCulture, $"{age} year{(age == 1 ? "" : "s")} old"), points);
        }

        var below = min is { } lo && age < lo ? lo - age : 0;
        var above = max is { } hi && age > hi ? age - hi : 0;
        var distance = below + above;
        return distance == 0
            ? (string.Create(CultureInfo.InvariantCulture, $"{age} years old, within ICP age"), 15)
            : (string.Create(CultureInfo.InvariantCulture, $"{age} years old, {distance} outside ICP age"), Math.Max(0, 15 - 3 * distance));
    }

    private static (string, int) Size(int? officers, ScoringContext context)
    {
        if (officers is null or <= 0)
        {
            return ("size unknown", 0);
        }

        var (min, max) = (context.Profile.MinOfficers, context.Profile.MaxOfficers);
        if (min is null && max is null)
        {
            var points = officers >= 5 ? 15 : officers >= 3 ? 10 : 5;
            return (Officers(officers.Value), points);
        }

        var fits = (min is null || officers >= min) && (max is null || officers <= max);
        return fits
            ? ($"{Officers(officers.Value)}, within ICP size", 15)
            : ($"{Officers(officers.Value)}, outside ICP size", 3);
    }

    private static string Officers(int count) => string.Create(CultureInfo.InvariantCulture, $"{count} officer{(count == 1 ? "" : "s")}");

    private static (string, int) EntityType(string? type, ScoringContext context)
    {
        var label = type ?? "entity type unknown";
        var types = context.Profile.EntityTypes;
        if (types.Count > 0)
        {
            return types.Any(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase)) ? (label, 10) : ($"{label} not targeted", 0);
        }

        // Companies can sign contracts on their own; sole proprietorships and partnerships are riskier counterparties.
        return type is not null && type.Contains("company", StringComparison.OrdinalIgnoreCase) ? (label, 10) : (label, 5);
    }
}
