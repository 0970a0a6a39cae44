using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Search;
using IcpSearch.Grains.Search.Understanding;

namespace IcpSearch.Tests.Search;

/// <summary>
/// "Save as my ICP": what a search understood, mapped onto a profile.
/// </summary>
public sealed class UnderstoodIcpMapperTests
{
    private static readonly IcpWeights Custom = new(50, 5, 25, 10, 5, 5);

    private static SearchUnderstanding With(SearchFilters filters, params UnderstoodIndustry[] industries) => new(industries, [], filters, []);

    private static UnderstoodIndustry Heading(string code, string level, string term = "x") => new(code, "Title " + code, level, "alias", term, 1);

    [Fact]
    public void Map_ShouldTargetTheHeadingsAtTheirOwnLevel_AndKeepTheWeights()
    {
        // Arrange: a section and a division, the division named twice (two phrases).
        var understood = With(SearchFilters.Default, Heading("C", "section", "manufacturing"), Heading("46", "division", "wholesale"), Heading("46", "division", "trading"));

        // Act
        var mapped = UnderstoodIcpMapper.Map(understood, Custom, 2026);

        // Assert: default filters are the profile's defaults (live, any size, age, district or type).
        Assert.Equal(["C", "46"], mapped.Profile.TargetSsicCodes);
        Assert.Equal(Custom, mapped.Profile.Weights);
        Assert.Empty(mapped.Profile.Statuses);
        Assert.Empty(mapped.Profile.EntityTypes);
        Assert.Empty(mapped.Profile.GetDistricts());
        Assert.Null(mapped.Profile.MinOfficers);
        Assert.Null(mapped.Profile.MinAgeYears);
        Assert.Null(mapped.Profile.MaxAgeYears);
        Assert.Empty(mapped.NotCarried);
    }

    [Fact]
    public void Map_ShouldCarryEveryConstraint_OfAParsedSentence()
    {
        // Arrange: the parser's own reading of a sentence with every kind of constraint.
        var parsed = MessageParser.Parse("Pte Ltd manufacturing except food in D22 with more than 20 officers, incorporated after 2015, less than 3 years old, 50 employees");
        var understood = With(parsed.Filters, Heading("C", "section", "manufacturing"));

        // Act
        var mapped = UnderstoodIcpMapper.Map(understood, IcpWeights.Default, 2026);
        var stored = IcpProfileValidator.Normalise(mapped.Profile);

        // Assert: officers from 21; from 2016 is at most 10 years old in 2026, less than 3 years is at most 2: the
        // narrower band wins. Pte Ltd is the registry's private limited descriptions.
        Assert.Equal(["C"], stored.TargetSsicCodes);
        Assert.Equal(["22"], stored.GetDistricts());
        Assert.Equal(21, stored.MinOfficers);
        Assert.Null(stored.MaxOfficers);
        Assert.Null(stored.MinAgeYears);
        Assert.Equal(2, stored.MaxAgeYears);
        Assert.Equal(["local company", "private company limited by shares", "exempt private company limited by shares"], stored.EntityTypes);
        Assert.Empty(stored.Statuses);
        Assert.Equal(["except food: a profile has no exclusions", "employees: not in the registry"], mapped.NotCarried);
    }

    [Theory]
    [InlineData("1991-01-01", null, 2026, null, 35)]
    [InlineData(null, "2015-12-31", 2026, 11, null)]
    [InlineData("2000-01-01", "2010-12-31", 2026, 16, 26)]
    [InlineData("2030-01-01", null, 2026, null, 0)]
    [InlineData(null, "2030-12-31", 2026, null, null)]
    public void Map_ShouldConvertAnIncorporationRange_ToWholeYearAges(string? from, string? to, int year, int? minAge, int? maxAge)
    {
        // Arrange
        var range = new DateRange(from is null ? null : DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to));
        var understood = With(SearchFilters.Default with { Incorporated = range });

        // Act
        var profile = UnderstoodIcpMapper.Map(understood, IcpWeights.Default, year).Profile;

        // Assert
        Assert.Equal(minAge, profile.MinAgeYears);
        Assert.Equal(maxAge, profile.MaxAgeYears);
    }

    [Fact]
    public void Map_ShouldTakeTheNarrowerAgeBand_WhenAgeAndIncorporationWereBothUnderstood()
    {
        // Arrange: at least 5 and less than 30 years old, incorporated 2000-2018 (8 to 26 years old in 2026).
        var filters = SearchFilters.Default with { AgeYears = new NumberRange(5, 30), Incorporated = new DateRange(new DateOnly(2000, 1, 1), new DateOnly(2018, 12, 31)) };

        // Act
        var profile = UnderstoodIcpMapper.Map(With(filters), IcpWeights.Default, 2026).Profile;

        // Assert
        Assert.Equal(8, profile.MinAgeYears);
        Assert.Equal(26, profile.MaxAgeYears);
    }

    [Theory]
    [InlineData(new[] { "live" }, false, false)]
    [InlineData(new[] { "inactive" }, false, true)]
    [InlineData(new string[0], true, true)]
    [InlineData(new[] { "live", "inactive" }, true, true)]
    public void Map_ShouldNameTheRegistryStatuses_OfTheUnderstoodStatuses(string[] statuses, bool live, bool inactive)
    {
        // Act
        var profile = UnderstoodIcpMapper.Map(With(SearchFilters.Default with { Statuses = statuses }), IcpWeights.Default, 2026).Profile;

        // Assert: "live" alone is the profile's default (no statuses); otherwise the registry's statuses of each kind.
        var vocabulary = IcpVocabularyCatalog.Vocabulary.Statuses;
        Assert.Equal(live && !inactive ? [] : vocabulary.Where(s => s.Live ? live : inactive).Select(s => s.Description), profile.Statuses);
        Assert.Contains(vocabulary, s => s is { Description: "Live Company", Live: true });
        Assert.Contains(vocabulary, s => s is { Description: "Struck Off", Live: false });
    }

    [Fact]
    public void Map_ShouldMapEachEntityTypeCode_ToItsRegistryDescriptionsOnce()
    {
        // Arrange: sole proprietorships and partnerships share ACRA's one combined type.
        var filters = SearchFilters.Default with { EntityTypes = ["sole_proprietorship", "partnership", "llp"] };

        // Act
        var types = UnderstoodIcpMapper.Map(With(filters), IcpWeights.Default, 2026).Profile.EntityTypes;

        // Assert
        Assert.Equal(types.Distinct(), types);
        Assert.Single(types, t => t == "sole proprietorship/ partnership");
        Assert.Contains("limited liability partnerships", types);
        Assert.Contains("limited partnership", types);
        Assert.DoesNotContain("local company", types);
    }

    [Fact]
    public void Map_ShouldNameTheField_WhenAnEntityTypeOrStatusIsUnknown()
    {
        // Act
        var type = Assert.Throws<InvalidSearchException>(() => UnderstoodIcpMapper.Map(With(SearchFilters.Default with { EntityTypes = ["llp", "cooperative"] }), IcpWeights.Default, 2026));
        var status = Assert.Throws<InvalidSearchException>(() => UnderstoodIcpMapper.Map(With(SearchFilters.Default with { Statuses = ["dormant"] }), IcpWeights.Default, 2026));

        // Assert
        Assert.Equal("filters.entity_types[1]", type.Field);
        Assert.Equal("filters.statuses[0]", status.Field);
    }

    [Fact]
    public void Vocabulary_ShouldListThe28DistrictsWithTheirPlaces_AndEveryEntityTypeOfASearch()
    {
        // Act
        var vocabulary = IcpVocabularyCatalog.Vocabulary;

        // Assert: the codes are what the profile validator stores; every type a search parses has descriptions.
        Assert.Equal(Enumerable.Range(1, 28).Select(n => n.ToString("00")), vocabulary.Districts.Select(d => d.Code));
        Assert.Equal("Orchard, Cairnhill, River Valley", vocabulary.Districts.Single(d => d.Code == "09").Places);
        Assert.All(vocabulary.Districts, d => Assert.Equal(d.Code, IcpProfileValidator.Normalise(IcpProfile.Default with { Districts = [d.Code] }).GetDistricts().Single()));
        Assert.Equal(["foreign_company", "llp", "partnership", "private_limited", "public_company", "sole_proprietorship"], vocabulary.EntityTypes.Select(t => t.Code).Order());
        Assert.All(vocabulary.EntityTypes, t => Assert.NotEmpty(t.Descriptions));
    }
}
