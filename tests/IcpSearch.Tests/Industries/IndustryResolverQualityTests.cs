using System.Globalization;
using IcpSearch.Grains.Industries;

namespace IcpSearch.Tests.Industries;

/// <summary>
/// Resolution quality against the project's SSIC reference: each query has a hand-judged set of codes, and the
/// resolver's answer is scored by precision and recall.
/// </summary>
public sealed class IndustryResolverQualityTests(EmptyRegistryFixture fixture, ITestOutputHelper output) : IClassFixture<EmptyRegistryFixture>
{
    // Ground truth: either every code of a heading (section letter or code prefix), or an explicit list of codes.
    public static TheoryData<string, string, double, double> Queries => new()
    {
        // query, expected (heading:X or codes:a,b,c), minimum precision, minimum recall
        { "manufacturing", "heading:C", 1.0, 1.0 },
        { "construction", "heading:F", 1.0, 1.0 },
        { "software", "codes:58201,58202,62011,62012,62013", 0.75, 0.75 },
        { "freight transport", "codes:49101,49231,49233,50021,50022,50023,51002,51004,52292", 0.85, 0.85 },
        { "warehousing", "heading:521", 1.0, 1.0 },
        { "rice milling", "codes:10611", 1.0, 1.0 },
        { "printing", "heading:181", 0.85, 1.0 },
        { "logistics", "codes:52101,52292", 0.6, 1.0 },
        { "restaurants", "heading:561", 1.0, 1.0 },
        { "banks", "heading:641", 1.0, 1.0 },
        { "manufactring", "heading:C", 1.0, 1.0 },
        { "hotels", "heading:551", 1.0, 1.0 },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task ResolveAsync_ShouldMeetPrecisionAndRecall_WhenGivenAnIndustryQuery(string query, string expected, double minPrecision, double minRecall)
    {
        // Arrange
        var resolver = new NpgsqlIndustryResolver(fixture.DataSource, TimeProvider.System);
        var truth = await ExpectedAsync(expected);

        // Act
        var resolved = await resolver.ResolveAsync([query], TestContext.Current.CancellationToken);

        // Assert
        var got = resolved.Codes.ToHashSet();
        var hits = got.Count(truth.Contains);
        var precision = got.Count == 0 ? 0 : hits / (double)got.Count;
        var recall = hits / (double)truth.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {query} | {got.Count} | {truth.Count} | {precision:0.00} | {recall:0.00} | extra: {string.Join(' ', got.Except(truth).Take(8))} | missed: {string.Join(' ', truth.Except(got).Take(8))} |"));
        Assert.True(precision >= minPrecision, $"precision {precision:0.00} < {minPrecision} for '{query}'; extra: {string.Join(", ", got.Except(truth))}");
        Assert.True(recall >= minRecall, $"recall {recall:0.00} < {minRecall} for '{query}'; missed: {string.Join(", ", truth.Except(got))}");
    }

    [Fact]
    public async Task ResolveAsync_ShouldNeverReturnPassengerCodes_WhenAskedForFreightTransport()
    {
        // Arrange
        var resolver = new NpgsqlIndustryResolver(fixture.DataSource, TimeProvider.System);

        // Act
        var resolved = await resolver.ResolveAsync(["freight transport"], TestContext.Current.CancellationToken);
        var passenger = await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM ssic_ref WHERE code = ANY(@codes) AND lower(title) LIKE '%passenger%'", ("codes", resolved.Codes.ToArray()));

        // Assert
        Assert.NotEmpty(resolved.Codes);
        Assert.Equal(0, passenger);
    }

    [Fact]
    public async Task ResolveAsync_ShouldIncludeCodesWhoseTitlesNeverSayManufacture_WhenAskedForManufacturing()
    {
        // Arrange
        var resolver = new NpgsqlIndustryResolver(fixture.DataSource, TimeProvider.System);

        // Act
        var resolved = await resolver.ResolveAsync(["manufacturing"], TestContext.Current.CancellationToken);

        // Assert: rice milling and newspaper printing are section C without the word in their titles.
        Assert.Contains("10611", resolved.Codes);
        Assert.Contains("18111", resolved.Codes);
        Assert.DoesNotContain(resolved.Codes, c => string.CompareOrdinal(c[..2], "10") < 0 || string.CompareOrdinal(c[..2], "33") > 0);
    }

    [Fact]
    public async Task ResolveAsync_ShouldLeaveATermUnresolved_WhenNothingInTheReferenceResemblesIt()
    {
        // Arrange
        var resolver = new NpgsqlIndustryResolver(fixture.DataSource, TimeProvider.System);

        // Act
        var resolved = await resolver.ResolveAsync(["quantum widgetry"], TestContext.Current.CancellationToken);

        // Assert
        Assert.Empty(resolved.Codes);
        Assert.Equal(["quantum widgetry"], resolved.UnresolvedTerms);
    }

    private async Task<HashSet<string>> ExpectedAsync(string expected)
    {
        var (kind, value) = (expected.Split(':')[0], expected.Split(':')[1]);
        if (kind == "codes")
        {
            return value.Split(',').ToHashSet();
        }

        await using var command = fixture.DataSource.CreateCommand(value.Length == 1
            ? "SELECT code FROM ssic_ref WHERE level = 5 AND section = @h"
            : "SELECT code FROM ssic_ref WHERE level = 5 AND code LIKE @h || '%'");
        command.Parameters.AddWithValue("h", value);
        var codes = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }
}
