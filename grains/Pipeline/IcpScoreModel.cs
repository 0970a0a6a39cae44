using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Industries;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// The ICP score, defined once: each factor's grade in C# and, next to it, the same grade as SQL over the staging
/// row, so the search can pick its 10 best matches in the database and score them here to the same value.
/// </summary>
/// <remarks>
/// <para>
/// A factor's grade is an integer from 0 to <see cref="Full"/> (thousandths), computed with integer arithmetic in both
/// languages so the two never round apart. The score is the weighted mean of the grades on a 0-100 scale, rounded half
/// up: (Σ wᵢgᵢ + 5·Σwᵢ) / (10·Σwᵢ). The ranking orders by Σ wᵢgᵢ, which is finer than the rounded score, then by UEN.
/// </para>
/// <para>
/// Grades: industry 1000 when the primary activity is a target, 700 when only the secondary is, 500 in a target's
/// division, 200 in a target's section. Status 1000 or 0. Age 1000 inside the ICP band, 200 less per year outside it;
/// with no band, age/(age+5) (established companies are safer leads, with diminishing returns). Size 1000 inside the
/// band, officers/min below it and max/officers above it; with no band, officers/(officers+4). District 1000 in one of
/// the ICP's districts (every company when it names none). Entity type 1000 when targeted; with no target, 1000 for
/// companies and 500 for other forms, which cannot contract on their own.
/// </para>
/// </remarks>
public sealed class IcpScoreModel
{
    /// <summary>The grade of a factor that fits fully.</summary>
    public const int Full = 1000;

    /// <summary>The lowest score in the high bucket.</summary>
    public const int HighFrom = 70;

    /// <summary>The lowest score in the medium bucket.</summary>
    public const int MediumFrom = 45;

    private const int SecondaryGrade = IndustryTargets.SecondaryGrade;
    private const int DivisionGrade = IndustryTargets.DivisionGrade;
    private const int SectionGrade = IndustryTargets.SectionGrade;
    private const int OtherEntityTypeGrade = 500;
    private const int AgeGradePerYearOutside = 200;
    private const int AgeHalfGradeAtYears = 5;
    private const int SizeHalfGradeAtOfficers = 4;

    // Outside the interpolated SQL, whose braces would read {5,6} as an alignment.
    private const string PostalCodePattern = "'^[0-9]{5,6}$'";

    private readonly IndustryTargets _industry;
    private readonly IndustryTargets _searched;
    private readonly FrozenSet<string> _statuses;
    private readonly FrozenSet<string> _entityTypes;
    private readonly FrozenSet<string> _sectors;
    private readonly string _source;
    private readonly IcpProfile _profile;
    private readonly IcpWeights _weights;
    private readonly int _year;

    /// <summary>Creates the model of a profile; with no target industries, the searched codes are the targets.</summary>
    public IcpScoreModel(IcpProfile profile, IReadOnlyList<string> searchCodes, DateOnly today)
    {
        _profile = profile;
        _weights = profile.GetWeights();
        _year = today.Year;
        _searched = new IndustryTargets(searchCodes);
        _industry = profile.TargetSsicCodes.Count > 0 ? new IndustryTargets(profile.TargetSsicCodes) : _searched;
        _source = profile.TargetSsicCodes.Count > 0 ? "ICP" : "search";
        _statuses = profile.Statuses.Select(s => s.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _entityTypes = profile.EntityTypes.Select(s => s.ToLowerInvariant()).ToFrozenSet(StringComparer.Ordinal);
        _sectors = profile.GetDistricts().SelectMany(d => int.TryParse(d, CultureInfo.InvariantCulture, out var n) ? PostalDistricts.SectorsOf(n) : []).ToFrozenSet(StringComparer.Ordinal);
        Key = ComputeKey();
    }

    /// <summary>Gets a hash of everything the model's SQL and parameters depend on: equal keys rank alike.</summary>
    public string Key { get; }

    /// <summary>
    /// Returns the score, bucket and rationale. <paramref name="searchedGrade"/> is the industry grade the company
    /// had against the codes it was found by (<see cref="LeadScore.SearchedIndustryGrade"/>), for a re-score, which
    /// has no search codes: it stands in for industry when the ICP names no industry.
    /// </summary>
    public LeadScore Score(ScoreFacts facts, int? searchedGrade = null)
    {
        var searched = _searched.IsEmpty ? searchedGrade ?? 0 : _searched.Grade(facts);
        var industry = _industry.IsEmpty ? searched : _industry.Grade(facts);
        Span<(int Weight, int Grade)> parts =
        [
            (_weights.Industry, industry),
            (_weights.Status, StatusGrade(facts)),
            (_weights.Age, AgeGrade(facts)),
            (_weights.Size, SizeGrade(facts)),
            (_weights.District, DistrictGrade(facts)),
            (_weights.EntityType, EntityTypeGrade(facts)),
        ];

        long points = 0;
        foreach (var (weight, grade) in parts)
        {
            points += (long)weight * grade;
        }

        var total = _weights.Total;
        var score = (int)((points + 5L * total) / (10L * total));
        var bucket = score >= HighFrom ? "high" : score >= MediumFrom ? "medium" : "low";
        string[] texts = [IndustryText(facts, industry), StatusText(facts, parts[1].Grade), AgeText(facts), SizeText(facts), DistrictText(facts, parts[4].Grade), EntityTypeText(facts)];
        var rationale = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var share = 100.0 * parts[i].Weight / total;
            rationale.Append(i == 0 ? "" : "; ").Append(CultureInfo.InvariantCulture,
                $"{texts[i]} (+{Math.Round(share * parts[i].Grade / Full, 1):0.#}/{Math.Round(share, 1):0.#})");
        }

        return new LeadScore(score, bucket, rationale.ToString(), searched, points);
    }

    /// <summary>
    /// Returns Σ wᵢgᵢ as SQL over <c>staging_acra_companies</c> (unqualified column names): the same value
    /// <see cref="LeadScore.Points"/> holds for the row's <see cref="ScoreFacts.From"/>. Its parameters are added by
    /// <see cref="AddParameters"/>.
    /// </summary>
    public string StagingPointsSql()
    {
        const string code = "coalesce(primary_ssic_code, secondary_ssic_code)";
        const string age = "greatest(0, @icp_year - date_part('year', registration_incorporation_date)::int)";
        const string officers = "no_of_officers";

        var industry = $"""
            CASE WHEN {CoveredSql(code)} THEN {Full}
                 WHEN {CoveredSql("secondary_ssic_code")} THEN {SecondaryGrade}
                 WHEN left({code}, 2) = ANY(@icp_divisions) THEN {DivisionGrade}
                 WHEN left({code}, 2) = ANY(@icp_section_divisions) THEN {SectionGrade}
                 ELSE 0 END
            """;
        var status = _statuses.Count > 0
            ? $"CASE WHEN lower(entity_status_description) = ANY(@icp_statuses) THEN {Full} ELSE 0 END"
            : $"CASE WHEN live_rank = 0 THEN {Full} ELSE 0 END";

        var (minAge, maxAge) = (_profile.MinAgeYears, _profile.MaxAgeYears);
        var ageGrade = minAge is null && maxAge is null
            ? $"{Full} * {age} / ({age} + {AgeHalfGradeAtYears})"
            : $"greatest(0, {Full} - {AgeGradePerYearOutside} * ({(minAge is null ? "0" : $"greatest(0, @icp_min_age - {age})")} + {(maxAge is null ? "0" : $"greatest(0, {age} - @icp_max_age)")}))";
        var ageSql = $"CASE WHEN registration_incorporation_date IS NULL THEN 0 ELSE {ageGrade} END";

        var (minSize, maxSize) = (_profile.MinOfficers, _profile.MaxOfficers);
        var sizeSql = minSize is null && maxSize is null
            ? $"CASE WHEN {officers} IS NULL OR {officers} <= 0 THEN 0 ELSE ({Full}::bigint * {officers} / ({officers} + {SizeHalfGradeAtOfficers}))::int END"
            : $"""
               CASE WHEN {officers} IS NULL OR {officers} <= 0 THEN 0
                    {(minSize is null ? "" : $"WHEN {officers} < @icp_min_officers THEN ({Full}::bigint * {officers} / @icp_min_officers)::int")}
                    {(maxSize is null ? "" : $"WHEN {officers} > @icp_max_officers THEN ({Full}::bigint * @icp_max_officers / {officers})::int")}
                    ELSE {Full} END
               """;

        var district = _sectors.Count == 0
            ? Full.ToString(CultureInfo.InvariantCulture)
            : $"""
               CASE WHEN CASE WHEN btrim(postal_code, ' ') ~ {PostalCodePattern} THEN left(lpad(btrim(postal_code, ' '), 6, '0'), 2) END = ANY(@icp_sectors)
                    THEN {Full} ELSE 0 END
               """;
        var entityType = _entityTypes.Count > 0
            ? $"CASE WHEN lower(entity_type_description) = ANY(@icp_entity_types) THEN {Full} ELSE 0 END"
            : $"CASE WHEN strpos(lower(entity_type_description), 'company') > 0 THEN {Full} ELSE {OtherEntityTypeGrade} END";

        return $"""
            (@icp_w_industry::bigint * ({industry})
             + @icp_w_status::bigint * ({status})
             + @icp_w_age::bigint * ({ageSql})
             + @icp_w_size::bigint * ({sizeSql})
             + @icp_w_district::bigint * ({district})
             + @icp_w_entity_type::bigint * ({entityType}))
            """;
    }

    /// <summary>Adds the parameters <see cref="StagingPointsSql"/> names.</summary>
    public void AddParameters(NpgsqlParameterCollection parameters)
    {
        for (var n = 2; n <= 5; n++)
        {
            parameters.Add(new NpgsqlParameter<string[]>($"icp_covered{n}", [.. _industry.Covered[n - 2]]));
        }

        parameters.Add(new NpgsqlParameter<string[]>("icp_divisions", [.. _industry.Divisions]));
        parameters.Add(new NpgsqlParameter<string[]>("icp_section_divisions", [.. _industry.SectionDivisions]));
        parameters.Add(new NpgsqlParameter<string[]>("icp_statuses", [.. _statuses]));
        parameters.Add(new NpgsqlParameter<string[]>("icp_entity_types", [.. _entityTypes]));
        parameters.Add(new NpgsqlParameter<string[]>("icp_sectors", [.. _sectors]));
        parameters.Add(new NpgsqlParameter<int>("icp_year", _year));
        parameters.Add(new NpgsqlParameter<int>("icp_min_age", _profile.MinAgeYears ?? 0));
        parameters.Add(new NpgsqlParameter<int>("icp_max_age", _profile.MaxAgeYears ?? 0));
        parameters.Add(new NpgsqlParameter<int>("icp_min_officers", _profile.MinOfficers ?? 0));
        parameters.Add(new NpgsqlParameter<int>("icp_max_officers", _profile.MaxOfficers ?? 0));
        parameters.Add(new NpgsqlParameter<int>("icp_w_industry", _weights.Industry));
        parameters.Add(new NpgsqlParameter<int>("icp_w_status", _weights.Status));
        parameters.Add(new NpgsqlParameter<int>("icp_w_age", _weights.Age));
        parameters.Add(new NpgsqlParameter<int>("icp_w_size", _weights.Size));
        parameters.Add(new NpgsqlParameter<int>("icp_w_district", _weights.District));
        parameters.Add(new NpgsqlParameter<int>("icp_w_entity_type", _weights.EntityType));
    }

    /// <summary>
    /// Returns the filters of a sample of <paramref name="filters"/>' matches that this model likely scores high: in
    /// the ICP's districts, younger than its oldest age. Null when the ICP says neither, or the filters already do.
    /// </summary>
    public MatchFilters? PromisingFilters(MatchFilters? filters)
    {
        var f = filters ?? MatchFilters.None;
        var promising = f;
        if (_profile.GetDistricts() is { Count: > 0 } districts && f.Districts.Count == 0)
        {
            promising = promising with { Districts = districts };
        }

        if (_profile.MaxAgeYears is { } oldest && f.IncorporatedFrom is null)
        {
            // Ages count calendar years, so this year minus the oldest age is the first year inside the band.
            promising = promising with { IncorporatedFrom = new DateOnly(Math.Clamp(_year - oldest, 1, 9999), 1, 1) };
        }

        return ReferenceEquals(promising, f) ? null : promising;
    }

    /// <summary>
    /// Returns conditions every staging row with at least <paramref name="points"/> points meets (SQL, ANDed, or
    /// "TRUE"), and adds their parameters: a ranking that already knows <paramref name="points"/> rows that good can
    /// skip scoring the rest.
    /// </summary>
    /// <remarks>
    /// A row reaches <paramref name="points"/> only if each factor's grade is at least 1000 − slack / weight, where
    /// slack is what the best possible row has above <paramref name="points"/>: the others can make up no more. Each
    /// such floor becomes a plain column condition (live, an age and officers range found with this model's own grade
    /// functions, a district, an entity type, a covered primary activity), which PostgreSQL checks before the points.
    /// </remarks>
    public string PrefilterSql(long points, NpgsqlParameterCollection parameters)
    {
        var total = (long)_weights.Total * Full;
        var slack = total - points;
        int Floor(int weight) => weight == 0 ? 0 : (int)Math.Max(-1, Math.Min(Full, Full - slack / weight));
        var conditions = new List<string>();

        if (Floor(_weights.Industry) > SecondaryGrade)
        {
            conditions.Add(CoveredSql("coalesce(primary_ssic_code, secondary_ssic_code)"));
        }

        if (Floor(_weights.Status) > 0)
        {
            conditions.Add(_statuses.Count > 0 ? "lower(entity_status_description) = ANY(@icp_statuses)" : "live_rank = 0");
        }

        if (Floor(_weights.Age) is var age and > 0 && Range(AgeGrade, age, 0, 1_000) is var (youngest, oldest))
        {
            // Ages count whole calendar years, so an age range is a range of incorporation years.
            if (youngest > 0)
            {
                conditions.Add("registration_incorporation_date < @pre_incorporated_before");
                parameters.Add(new NpgsqlParameter<DateOnly>("pre_incorporated_before", new DateOnly(Math.Clamp(_year - youngest + 1, 1, 9999), 1, 1)));
            }

            conditions.Add(oldest is null ? "registration_incorporation_date IS NOT NULL" : "registration_incorporation_date >= @pre_incorporated_from");
            if (oldest is { } old)
            {
                parameters.Add(new NpgsqlParameter<DateOnly>("pre_incorporated_from", new DateOnly(Math.Clamp(_year - old, 1, 9999), 1, 1)));
            }
        }

        if (Floor(_weights.Size) is var size and > 0 && Range(SizeGrade, size, 1, 1_000_000) is var (fewest, most))
        {
            conditions.Add("no_of_officers >= @pre_min_officers");
            parameters.Add(new NpgsqlParameter<int>("pre_min_officers", fewest));
            if (most is { } m)
            {
                conditions.Add("no_of_officers <= @pre_max_officers");
                parameters.Add(new NpgsqlParameter<int>("pre_max_officers", m));
            }
        }

        if (Floor(_weights.District) > 0 && _sectors.Count > 0)
        {
            // Without the pattern check of the points: a looser condition is still a necessary one, and cheaper.
            conditions.Add("left(lpad(btrim(postal_code, ' '), 6, '0'), 2) = ANY(@icp_sectors)");
        }

        if (Floor(_weights.EntityType) is var type and > 0 && (_entityTypes.Count > 0 || type > OtherEntityTypeGrade))
        {
            conditions.Add(_entityTypes.Count > 0
                ? "lower(entity_type_description) = ANY(@icp_entity_types)"
                : "strpos(lower(entity_type_description), 'company') > 0");
        }

        return conditions.Count == 0 ? "TRUE" : string.Join(" AND ", conditions);
    }

    // The values from..to whose grade reaches the floor, as (lowest, highest or null when it reaches past "to"); the
    // grades rise to a plateau and may fall after it, so the values that reach a floor are one range. Null when none.
    private static (int Lowest, int? Highest)? Range(Func<int, int> grade, int floor, int from, int to)
    {
        var lowest = -1;
        for (var v = from; v <= to; v++)
        {
            if (grade(v) >= floor)
            {
                lowest = v;
                break;
            }
        }

        if (lowest < 0)
        {
            return null;
        }

        if (grade(to) >= floor)
        {
            return (lowest, null);
        }

        // Past its plateau a grade only falls: the last value that still reaches the floor is found by halving.
        var (reaches, falls) = (lowest, to);
        while (falls - reaches > 1)
        {
            var mid = reaches + (falls - reaches) / 2;
            (reaches, falls) = grade(mid) >= floor ? (mid, falls) : (reaches, mid);
        }

        return (lowest, reaches);
    }

    private string ComputeKey()
    {
        static string Set(IEnumerable<string> items) => string.Join(',', items.Order(StringComparer.Ordinal));
        var text = string.Join('|',
            string.Join(';', _industry.Covered.Select(Set)), Set(_industry.Divisions), Set(_industry.SectionDivisions),
            string.Join(';', _searched.Covered.Select(Set)), Set(_statuses), Set(_entityTypes), Set(_sectors), _year,
            _profile.MinAgeYears, _profile.MaxAgeYears, _profile.MinOfficers, _profile.MaxOfficers, _weights);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string CoveredSql(string column)
        => $"(left({column}, 2) = ANY(@icp_covered2) OR left({column}, 3) = ANY(@icp_covered3) OR left({column}, 4) = ANY(@icp_covered4) OR left({column}, 5) = ANY(@icp_covered5))";

    private string IndustryText(ScoreFacts f, int grade) => grade switch
    {
        _ when f.IndustryCode is null && grade == 0 => "industry unknown",
        Full => $"industry {f.IndustryCode} in {_source} target",
        SecondaryGrade => $"secondary activity {f.SecondaryCode} in {_source} target",
        DivisionGrade => $"industry {f.IndustryCode} in a target division",
        SectionGrade => $"industry {f.IndustryCode} in target section {SsicHierarchy.SectionOf(f.IndustryCode!)}",
        _ => $"industry {f.IndustryCode} outside {_source} target",
    };

    private int StatusGrade(ScoreFacts f)
        => (_statuses.Count > 0 ? f.Status is not null && _statuses.Contains(f.Status.ToLowerInvariant()) : f.Live) ? Full : 0;

    private static string StatusText(ScoreFacts f, int grade)
        => grade == Full ? f.Status ?? "live" : $"{f.Status ?? "unknown status"} not targeted";

    private int? AgeOf(ScoreFacts f) => f.IncorporationYear is { } year ? Math.Max(0, _year - year) : null;

    private int AgeGrade(ScoreFacts f) => AgeOf(f) is { } age ? AgeGrade(age) : 0;

    private int AgeGrade(int age)
    {
        if (_profile.MinAgeYears is null && _profile.MaxAgeYears is null)
        {
            return Full * age / (age + AgeHalfGradeAtYears);
        }

        return Math.Max(0, Full - AgeGradePerYearOutside * AgeOutside(age));
    }

    private int AgeOutside(int age)
        => (_profile.MinAgeYears is { } lo ? Math.Max(0, lo - age) : 0) + (_profile.MaxAgeYears is { } hi ? Math.Max(0, age - hi) : 0);

    private string AgeText(ScoreFacts f)
    {
        if (AgeOf(f) is not { } age)
        {
            return "age unknown";
        }

        var years = Plural(age, "year") + " old";
        if (_profile.MinAgeYears is null && _profile.MaxAgeYears is null)
        {
            return years;
        }

        var outside = AgeOutside(age);
        return outside == 0 ? $"{years}, within ICP age" : $"{years}, {Plural(outside, "year")} outside ICP age";
    }

    private int SizeGrade(ScoreFacts f) => f.Officers is { } officers and > 0 ? SizeGrade(officers) : 0;

    private int SizeGrade(int officers)
    {
        var (min, max) = (_profile.MinOfficers, _profile.MaxOfficers);
        if (min is null && max is null)
        {
            return (int)((long)Full * officers / (officers + SizeHalfGradeAtOfficers));
        }

        return min is { } lo && officers < lo ? (int)((long)Full * officers / lo)
            : max is { } hi && officers > hi ? (int)((long)Full * hi / officers)
            : Full;
    }

    private string SizeText(ScoreFacts f)
    {
        if (f.Officers is not ({ } officers and > 0))
        {
            return "size unknown";
        }

        var text = Plural(officers, "officer");
        var (min, max) = (_profile.MinOfficers, _profile.MaxOfficers);
        if (min is null && max is null)
        {
            return text;
        }

        return (min is null || officers >= min) && (max is null || officers <= max) ? $"{text}, within ICP size" : $"{text}, outside ICP size";
    }

    private int DistrictGrade(ScoreFacts f) => _sectors.Count == 0 || (SectorOf(f.PostalCode) is { } sector && _sectors.Contains(sector)) ? Full : 0;

    private string DistrictText(ScoreFacts f, int grade)
    {
        if (_sectors.Count == 0)
        {
            return "any district";
        }

        var district = PostalDistricts.DistrictOf(f.PostalCode) ?? "district unknown";
        return grade == Full ? $"{district}, an ICP district" : $"{district}, outside ICP districts";
    }

    private int EntityTypeGrade(ScoreFacts f)
    {
        var type = f.EntityType?.ToLowerInvariant();
        return _entityTypes.Count > 0
            ? type is not null && _entityTypes.Contains(type) ? Full : 0
            : type is not null && type.Contains("company", StringComparison.Ordinal) ? Full : OtherEntityTypeGrade;
    }

    private string EntityTypeText(ScoreFacts f)
    {
        var label = f.EntityType ?? "entity type unknown";
        return _entityTypes.Count > 0 && EntityTypeGrade(f) == 0 ? $"{label} not targeted" : label;
    }

    // The SQL twin is in StagingPointsSql: spaces trimmed, five or six ASCII digits, a lost leading zero restored.
    private static string? SectorOf(string? postalCode)
    {
        var digits = postalCode?.Trim(' ');
        return digits is { Length: 5 or 6 } && digits.All(char.IsAsciiDigit) ? digits.PadLeft(6, '0')[..2] : null;
    }

    private static string Plural(int count, string noun)
        => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
