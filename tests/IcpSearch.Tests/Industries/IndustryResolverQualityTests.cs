using System.Globalization;
using IcpSearch.Bench.Resolve;
using IcpSearch.Grains.Industries;

namespace IcpSearch.Tests.Industries;

/// <summary>
/// Resolution quality on the labelled set (<c>data/eval/industry-queries.json</c>, labelled against SSIC 2020) and
/// the cases that once went wrong, against the bundled SSIC 2020 reference.
/// </summary>
public sealed class IndustryResolverQualityTests(EmptyRegistryFixture fixture, ITestOutputHelper output) : IClassFixture<EmptyRegistryFixture>
{
    // Floors a little under the figures measured when they were set (README, "Industry resolution": every query
    // passed with arctic-embed-xs, messages read by the chat's own parser), so quality cannot regress silently. The
    // whole set holds the issue's bar (95 % of queries at recall ≥ 0.95 and precision ≥ 0.9); each category may lose
    // about one query in ten to a marginal similarity on another CPU.
    private const double MinAllPassingShare = 0.95;
    private const double MinAllPrecision = 0.97;
    private const double MinAllRecall = 0.97;
    private const double MinCategoryPassingShare = 0.87;
    private const double MinCategoryPrecision = 0.9;
    private const double MinCategoryRecall = 0.9;

    [Fact]
    public async Task ResolveAsync_ShouldMeetTheQualityFloors_OnTheLabelledSet()
    {
        // Arrange
        var resolver = NewResolver();
        var queries = IndustryQuerySet.Load();
        var leaves = await LeavesAsync();

        // Act
        var scores = await IndustryQuerySet.ScoreAsync(resolver, queries, leaves);

        // Assert
        foreach (var failing in scores.Where(s => !s.Passes))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{failing.Query.Category}: '{failing.Query.Query}' P {failing.Precision:0.00} R {failing.Recall:0.00}: {string.Join("; ", failing.Resolved.Headings.Take(5).Select(h => $"{h.Code} ({h.MatchedBy})"))}"));
        }

        Assert.True(queries.Count >= 80, $"the labelled set has {queries.Count} queries");
        AssertFloors("all", scores, MinAllPassingShare, MinAllPrecision, MinAllRecall);
        foreach (var category in scores.GroupBy(s => s.Query.Category))
        {
            AssertFloors(category.Key, [.. category], MinCategoryPassingShare, MinCategoryPrecision, MinCategoryRecall);
        }
    }

    [Fact]
    public async Task ResolveAsync_ShouldFindLegalActivitiesNotDentalServices_WhenAskedForLegalServices()
    {
        // Act
        var resolved = await NewResolver().ResolveAsync(["legal services"], TestContext.Current.CancellationToken);

        // Assert: the trigram look-alike "Dental services" once won.
        Assert.Equal(["69100"], resolved.Codes);
    }

    [Fact]
    public async Task ResolveAsync_ShouldPutNoEducationCode_WhenAskedForLogistics()
    {
        // Act
        var resolved = await NewResolver().ResolveAsync(["logistics"], TestContext.Current.CancellationToken);

        // Assert
        Assert.Contains("52291", resolved.Codes);
        Assert.Contains("52292", resolved.Codes);
        Assert.DoesNotContain(resolved.Codes, c => SsicHierarchy.SectionOf(c) == 'P');
    }

    [Fact]
    public async Task ResolveAsync_ShouldNameSectionC_WhenAskedForManufacturing()
    {
        // Arrange
        var sectionC = await fixture.ScalarAsync<long>("SELECT count(*) FROM ssic_ref WHERE version = 'ssic2020' AND level = 5 AND section = 'C'");

        // Act
        var resolved = await NewResolver().ResolveAsync(["manufacturing"], TestContext.Current.CancellationToken);

        // Assert: one heading, the section, standing for every code under it (rice milling and newspaper printing too).
        var heading = Assert.Single(resolved.Headings);
        Assert.Equal(new ResolvedHeading("manufacturing", "C", "Manufacturing", "section", "title", (int)sectionC), heading);
        Assert.Equal(sectionC, resolved.Codes.Count);
        Assert.Contains("10611", resolved.Codes);
        Assert.Contains("18111", resolved.Codes);
        Assert.All(resolved.Codes, c => Assert.Equal('C', SsicHierarchy.SectionOf(c)));
    }

    [Fact]
    public async Task ResolveAsync_ShouldDescribeEveryTermsHeadings_WithTitlesFromTheReference()
    {
        // Act
        var resolved = await NewResolver().ResolveAsync(["f&b", "law firms", "logstics", "bakeries"], TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(new ResolvedHeading("f&b", "56", "Food and beverage service activities", "division", "alias", 9), resolved.Headings.Single(h => h.Term == "f&b"));
        Assert.Equal(new ResolvedHeading("law firms", "69100", "Legal activities", "subclass", "alias", 1), resolved.Headings.Single(h => h.Term == "law firms"));
        Assert.All(resolved.Headings.Where(h => h.Term == "logstics"), h => Assert.Equal("similar_spelling", h.MatchedBy));
        Assert.Contains(resolved.Headings, h => h.Term == "logstics" && h.Code == "52291");
        Assert.Contains(resolved.Headings, h => h.Term == "bakeries" && h.MatchedBy is "words" or "meaning");
        Assert.Equal(resolved.Codes.Count, resolved.Headings.Sum(h => h.CodeCount));
        foreach (var heading in resolved.Headings)
        {
            var title = await fixture.ScalarAsync<string>("SELECT title FROM ssic_ref WHERE version = 'ssic2020' AND code = @c", ("c", heading.Code));
            Assert.Equal(title, heading.Title);
        }
    }

    [Fact]
    public async Task ResolveAsync_ShouldResolveNothing_WhenATermNamesNoIndustry()
    {
        // Act
        var resolved = await NewResolver().ResolveAsync(["smes", "startups", "quantum widgetry", "شركات الخدمات اللوجستية", "manfactrng", "sftwre dvlpmnt"], TestContext.Current.CancellationToken);

        // Assert: the English-only model once placed the Arabic phrase, and words it does not know, near Education.
        Assert.Empty(resolved.Codes);
        Assert.Empty(resolved.Headings);
        Assert.Equal(["smes", "startups", "quantum widgetry", "شركات الخدمات اللوجستية", "manfactrng", "sftwre dvlpmnt"], resolved.UnresolvedTerms);
    }

    [Fact]
    public async Task ResolveAsync_ShouldKeepTheFirstLetter_WhenTwoCorrectionsAreEquallyNear()
    {
        // Act: "cnstrction" is two edits from both "construction" and "instruction".
        var resolved = await NewResolver().ResolveAsync(["cnstrction"], TestContext.Current.CancellationToken);

        // Assert
        Assert.NotEmpty(resolved.Codes);
        Assert.All(resolved.Codes, code => Assert.Equal('F', SsicHierarchy.SectionOf(code)));
    }

    [Fact]
    public async Task Aliases_ShouldNameOnlyHeadingsAndCodesOfTheBundledReference()
    {
        // Arrange
        var leaves = await LeavesAsync();

        // Act
        var missing = IndustryAliases.Headings
            .SelectMany(a => a.Value.Select(h => (Alias: a.Key, Heading: h)))
            .Where(a => IndustryQuerySet.Expand([a.Heading], leaves).Count == 0)
            .Select(a => $"{a.Alias} → {a.Heading}")
            .ToList();

        // Assert
        Assert.Empty(missing);
    }

    private static void AssertFloors(string set, IReadOnlyList<QueryScore> scores, double passingShare, double precision, double recall)
    {
        Assert.True(scores.Count(s => s.Passes) >= passingShare * scores.Count, $"{set}: {scores.Count(s => s.Passes)} of {scores.Count} queries pass");
        Assert.True(scores.Average(s => s.Precision) >= precision, $"{set}: macro precision {scores.Average(s => s.Precision):0.00}");
        Assert.True(scores.Average(s => s.Recall) >= recall, $"{set}: macro recall {scores.Average(s => s.Recall):0.00}");
    }

    private NpgsqlIndustryResolver NewResolver()
        => new(fixture.DataSource, new NpgsqlSsicReferenceStore(fixture.DataSource, ArcticXsEmbedder.Shared));

    private async Task<IReadOnlyList<string>> LeavesAsync()
    {
        var leaves = new List<string>();
        await using var command = fixture.DataSource.CreateCommand("SELECT code FROM ssic_ref WHERE version = 'ssic2020' AND level = 5 ORDER BY code");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            leaves.Add(reader.GetString(0));
        }

        return leaves;
    }
}
