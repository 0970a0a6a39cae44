using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CsvHelper;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// CSV pages and exports: RFC 4180 quoting of awkward names, the same rows as JSON, the cursor header, streaming exports.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class CsvTests(GatewayFixture fixture)
{
    private const string CommaQuoteNewline = "Acme, \"Best\" Engineering\r\nPte. Ltd.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetScoresCsv_ShouldQuoteCommasQuotesAndNewlinesPerRfc4180_WhenNamesContainThem()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        await LeadSeeder.SeedOneAsync(fixture.DataSource, tenant, CommaQuoteNewline, 99);
        await LeadSeeder.SeedOneAsync(fixture.DataSource, tenant, "Line\nFeed \"Only\" Trading", 98);
        await LeadSeeder.SeedOneAsync(fixture.DataSource, tenant, "Plain Name Pte Ltd", 97);
        using var client = fixture.Client(tenant);

        // Act
        using var response = await client.GetAsync("/scores/latest?format=csv", Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("company_id,uen,name,industry,industry_code,score,bucket,rationale,scored_at,incorporation_year,size_band,hq_district,entity_status,enrichment_status,website_domain\r\n", text);
        Assert.Contains(",\"Acme, \"\"Best\"\" Engineering\r\nPte. Ltd.\",", text);
        Assert.Contains(",\"Line\nFeed \"\"Only\"\" Trading\",", text);
        Assert.Contains(",Plain Name Pte Ltd,", text);
        Assert.EndsWith("\r\n", text);
        Assert.False(response.Headers.Contains("X-Next-Cursor"));
    }

    [Fact]
    public async Task GetScoresCsv_ShouldHoldTheSameRowsAsJsonWithTheCursorInAHeader_WhenAskedByAcceptOrFormat()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 30);
        await LeadSeeder.SeedOneAsync(fixture.DataSource, tenant, CommaQuoteNewline, 100);
        await LeadSeeder.SeedOneAsync(fixture.DataSource, tenant, "=HYPERLINK(\"http://evil\")", 100);
        using var client = fixture.Client(tenant);
        using var acceptClient = fixture.Client(tenant);
        acceptClient.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        // Act
        var json = await ProblemAssert.IsJsonAsync(await client.GetAsync("/scores/latest?limit=20", Cancel));
        using var byFormat = await client.GetAsync("/scores/latest?limit=20&format=csv", Cancel);
        using var byAccept = await acceptClient.GetAsync("/scores/latest?limit=20", Cancel);

        // Assert
        var expected = json.GetProperty("items").EnumerateArray().Select(Fields).ToList();
        foreach (var response in new[] { byFormat, byAccept })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(json.GetProperty("nextCursor").GetString(), response.Headers.GetValues("X-Next-Cursor").Single());
            var rows = ParseCsv(await response.Content.ReadAsByteArrayAsync(Cancel));
            Assert.Equal(expected.Count, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                // A name a spreadsheet would run as a formula is defused with a leading apostrophe; all else is verbatim.
                var name = expected[i]["name"]!;
                Assert.Equal(expected[i]["company_id"], rows[i]["company_id"]);
                Assert.Equal(name.StartsWith('=') ? "'" + name : name, rows[i]["name"]);
                Assert.Equal(expected[i]["score"], rows[i]["score"]);
                Assert.Equal(expected[i]["website_domain"] ?? "", rows[i]["website_domain"]);
                Assert.Equal(DateTimeOffset.Parse(expected[i]["scored_at"]!, System.Globalization.CultureInfo.InvariantCulture),
                    DateTimeOffset.Parse(rows[i]["scored_at"]!, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    [Fact]
    public async Task ExportScores_ShouldStreamEveryRowInPageOrder_WhenTheResultSpansManyChunks()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        var ids = await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 1_234);
        await LeadSeeder.SeedOneAsync(fixture.DataSource, tenant, CommaQuoteNewline, 50);
        using var client = fixture.Client(tenant);

        // Act
        using var response = await client.GetAsync("/scores/export", HttpCompletionOption.ResponseHeadersRead, Cancel);
        var streamed = response.Headers.TransferEncodingChunked;
        var rows = ParseCsv(await response.Content.ReadAsByteArrayAsync(Cancel));

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.True(streamed, "the export was not streamed (chunked)");
        Assert.Equal(ids.Count + 1, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r["company_id"]).Distinct().Count());
        Assert.Contains(rows, r => r["name"] == CommaQuoteNewline);
        var order = rows.Select(r => (Score: int.Parse(r["score"]!, System.Globalization.CultureInfo.InvariantCulture), Id: long.Parse(r["company_id"]!, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(order.Zip(order.Skip(1)).All(p => p.First.Score > p.Second.Score || (p.First.Score == p.Second.Score && p.First.Id > p.Second.Id)));
    }

    [Fact]
    public async Task ExportCandidates_ShouldStreamOnlyTheIndustry_WhenIndustryIsGiven()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        var wanted = await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 420, "Construction");
        await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 50, "Manufacturing");
        using var client = fixture.Client(tenant);

        // Act
        using var response = await client.GetAsync("/candidates/export?industry=construction", Cancel);
        using var missing = await client.GetAsync("/candidates/export", Cancel);

        // Assert
        var rows = ParseCsv(await response.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal(wanted.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), rows.Select(r => r["company_id"]).Order());
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.BadRequest, "validation_failed", "industry");
    }

    private static Dictionary<string, string?> Fields(JsonElement item)
        => item.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.ToString());

    private static List<Dictionary<string, string?>> ParseCsv(byte[] csv)
    {
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string?>>();
        while (reader.Read())
        {
            var headers = reader.Headers;
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(i => headers[i], i => (string?)reader.GetString(i)));
        }

        return rows;
    }
}
