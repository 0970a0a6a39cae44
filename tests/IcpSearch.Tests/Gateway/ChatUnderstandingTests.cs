using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// POST /chat with sentences: what it understood, how the constraints narrow the match, and hostile text.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ChatUnderstandingTests(GatewayFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostChat_ShouldNarrowTheCountTheTenAndTheJob_ByTheConstraintsOfTheSentence()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        using var client = fixture.Client(tenant);

        // Act
        using var response = await client.PostAsJsonAsync("/chat", new { message = "Manufacturing companies in the west with at least 2 officers, incorporated after 1990" }, Cancel);

        // Assert: understood as section C, five districts, officers from 2, from 1991, live.
        var body = await ProblemAssert.IsJsonAsync(response);
        var understood = body.GetProperty("understood");
        var industry = Assert.Single(understood.GetProperty("industries").EnumerateArray());
        Assert.Equal("C", industry.GetProperty("code").GetString());
        Assert.Equal("section", industry.GetProperty("level").GetString());
        var filters = understood.GetProperty("filters");
        Assert.Equal(["05", "21", "22", "23", "24"], filters.GetProperty("districts").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(2, filters.GetProperty("officers").GetProperty("min").GetInt32());
        Assert.Equal("1991-01-01", filters.GetProperty("incorporated").GetProperty("from").GetString());
        Assert.Equal(["live"], filters.GetProperty("statuses").EnumerateArray().Select(d => d.GetString()));
        Assert.Empty(understood.GetProperty("unmatched").EnumerateArray());
        var codes = understood.GetProperty("ssic_codes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        Assert.Contains(" · west (D05, D21, D22, D23, D24) · at least 2 officers · incorporated after 1990. ", body.GetProperty("notice").GetString());

        // The count is exactly the rows the constraints allow, and every company handled now is one of them.
        const string Allowed = """
            (primary_ssic_code = ANY(@codes) OR secondary_ssic_code = ANY(@codes)) AND live_rank = 0
            AND left(lpad(postal_code, 6, '0'), 2) = ANY(ARRAY['11','12','13','58','59','60','61','62','63','64','65','66','67','68','69','70','71'])
            AND no_of_officers >= 2 AND registration_incorporation_date >= DATE '1991-01-01'
            """;
        var expected = await fixture.ScalarAsync<long>($"SELECT count(*) FROM staging_acra_companies WHERE {Allowed}", ("codes", codes));
        Assert.True(expected >= 10, $"the demo registry should hold at least 10 such companies, has {expected}");
        Assert.Equal(expected, body.GetProperty("total_matches").GetInt64());
        var uens = body.GetProperty("companies").EnumerateArray().Select(c => c.GetProperty("uen").GetString()!).ToArray();
        Assert.Equal(10, uens.Length);
        Assert.Equal(10L, await fixture.ScalarAsync<long>($"SELECT count(*) FROM staging_acra_companies WHERE uen = ANY(@uens) AND {Allowed}", ("uens", uens), ("codes", codes)));

        // The job holds exactly the rest, under the same filters.
        var job = await client.GetFromJsonAsync<JsonElement>($"/jobs/{body.GetProperty("job_id").GetInt64()}", Cancel);
        Assert.Equal(expected - 10, job.GetProperty("total").GetInt64());
        var spec = await fixture.ScalarAsync<string>("SELECT params::text FROM background_jobs WHERE job_id = @id", ("id", body.GetProperty("job_id").GetInt64()));
        using var stored = JsonDocument.Parse(spec);
        var storedFilters = stored.RootElement.GetProperty("match").GetProperty("filters");
        Assert.Equal(2, storedFilters.GetProperty("minOfficers").GetInt32());
        Assert.True(storedFilters.GetProperty("liveOnly").GetBoolean());
    }

    [Fact]
    public async Task PostChat_ShouldSubtractExcludedCodes_AndCountLessThanWithoutTheExclusion()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        var all = await ProblemAssert.IsJsonAsync(await client.PostAsJsonAsync("/chat", new { message = "manufacturing" }, Cancel));
        var some = await ProblemAssert.IsJsonAsync(await client.PostAsJsonAsync("/chat", new { message = "manufacturing except food" }, Cancel));

        // Assert
        var allCodes = all.GetProperty("understood").GetProperty("ssic_codes").EnumerateArray().Select(c => c.GetString()!).ToHashSet();
        var someCodes = some.GetProperty("understood").GetProperty("ssic_codes").EnumerateArray().Select(c => c.GetString()!).ToHashSet();
        Assert.True(someCodes.IsProperSubsetOf(allCodes));
        // What "food" covers is the resolver's call; within manufacturing it must at least take out food products (division 10).
        Assert.Contains(allCodes.Except(someCodes), c => c.StartsWith("10", StringComparison.Ordinal));
        Assert.Equal(["food"], some.GetProperty("understood").GetProperty("filters").GetProperty("exclude").EnumerateArray().Select(e => e.GetString()));
        Assert.True(some.GetProperty("total_matches").GetInt64() < all.GetProperty("total_matches").GetInt64());
    }

    [Fact]
    public async Task PostChat_ShouldOfferNarrowerHeadingsWithCounts_WhenTheSearchIsBroad()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        var body = await ProblemAssert.IsJsonAsync(await client.PostAsJsonAsync("/chat", new { message = "manufacturing" }, Cancel));

        // Assert: divisions of section C, most matches first, each count the division's share of the total.
        var refinements = body.GetProperty("refinements").EnumerateArray().ToList();
        Assert.True(body.GetProperty("total_matches").GetInt64() > 500);
        Assert.InRange(refinements.Count, 2, 8);
        Assert.All(refinements, r => Assert.Equal("division", r.GetProperty("level").GetString()));
        Assert.All(refinements, r => Assert.Equal(2, r.GetProperty("code").GetString()!.Length));
        var counts = refinements.Select(r => r.GetProperty("count").GetInt64()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        var first = refinements[0].GetProperty("code").GetString()!;
        Assert.Equal(counts[0], await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM staging_acra_companies WHERE primary_ssic_code LIKE @p AND live_rank = 0", ("p", first + "%")));
    }

    [Theory]
    [InlineData("manufacturing\0")]
    [InlineData("\0\0\0")]
    [InlineData("logistics \u0007\u001b[31m")]
    public async Task PostChat_ShouldAnswer400InvalidText_WhenTheMessageHoldsControlCharacters(string message)
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        using var client = fixture.Client(tenant);

        // Act
        using var response = await client.PostAsync("/chat", new StringContent(JsonSerializer.Serialize(new { message }), Encoding.UTF8, "application/json"), Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_text", "message");
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
    }

    [Fact]
    public async Task PostChat_ShouldRefuseAHundredKilobyteMessage_WithAProblemAndNoJob()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        using var client = fixture.Client(tenant);
        var message = string.Concat(Enumerable.Repeat("manufacturing in Jurong 🚚 ", 100 * 1024 / 26));

        // Act
        using var response = await client.PostAsJsonAsync("/chat", new { message }, Cancel);

        // Assert: over the body limit (MAX_REQUEST_BODY_BYTES) it is 413, under it the 4,000-character rule's 400.
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
    }

    [Theory]
    [InlineData("👨‍👩‍👧‍👦🏭🚚💥", "couldn't find an industry")]
    [InlineData("شركات الخدمات اللوجستية", "No registry companies match")]
    [InlineData("חברות לוגיסטיקה \u200f\u202e", "No registry companies match")]
    [InlineData("'; DROP TABLE staging_acra_companies; --", "No registry companies match")]
    [InlineData("zzqx%' OR 1=1 -- _ \\", "No registry companies match")]
    [InlineData(@"(.+)+$ \1{99} .*.*.* ^$| [^\]]* (?<=x)", "couldn't find an industry")]
    [InlineData("zzqx \ud800 broken", "No registry companies match")]
    [InlineData("more than 20 officers in Jurong", "couldn't find an industry")]
    public async Task PostChat_ShouldAnswerCleanlyWithNoIndustryAndNoJob_WhenTheTextNamesNone(string message, string notice)
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        using var client = fixture.Client(tenant);

        // Act
        using var response = await client.PostAsJsonAsync("/chat", new { message }, Cancel);

        // Assert
        var body = await ProblemAssert.IsJsonAsync(response);
        Assert.Contains(notice, body.GetProperty("notice").GetString());
        Assert.Equal(0, body.GetProperty("total_matches").GetInt64());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("job_id").ValueKind);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("understood").GetProperty("filters").ValueKind);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
        Assert.True(await fixture.ScalarAsync<long>("SELECT count(*) FROM staging_acra_companies") > 0);
    }

    [Fact]
    public async Task PostChat_ShouldReportWordsItDidNotUnderstand_AndNotSearchThem()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        var body = await ProblemAssert.IsJsonAsync(await client.PostAsJsonAsync("/chat", new { message = "construction with 50 employees, zzqxv plorf" }, Cancel));

        // Assert
        var understood = body.GetProperty("understood");
        Assert.Contains("zzqxv plorf", understood.GetProperty("unmatched").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["employees"], understood.GetProperty("filters").GetProperty("not_applicable").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("F", understood.GetProperty("industries")[0].GetProperty("code").GetString());
        Assert.True(body.GetProperty("total_matches").GetInt64() > 0);
    }
}
