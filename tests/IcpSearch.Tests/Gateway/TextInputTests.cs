using System.Net;
using System.Text;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// The one text rule at the edge: invalid UTF-8, NUL, other control characters and over-long values anywhere the API
/// reads text (query, headers, JSON bodies) are a 400 problem <c>invalid_text</c> naming the field, before any
/// grain or SQL sees them.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class TextInputTests(GatewayFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    // These three were 500s: PostgreSQL rejects 0x00 in text.
    [InlineData("/companies?name=Acme%00Pte", "name")]
    [InlineData("/companies?domain=acme.sg%00", "domain")]
    [InlineData("/candidates/export?industry=Manu%00facturing", "industry")]
    [InlineData("/candidates?industry=%FFManufacturing", "industry")]
    [InlineData("/scores/latest?after=%C0%AF", "after")]
    [InlineData("/industries/suggest?q=man%01", "q")]
    [InlineData("/industries/suggest?q=line%0Abreak", "q")]
    [InlineData("/jobs?limit=%ED%A0%80", "limit")]
    [InlineData("/scores/latest?x%00=1", "query")]
    public async Task Get_ShouldAnswerInvalidTextNamingTheField_WhenAQueryOrPathValueIsNotCleanText(string url, string field)
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var response = await client.SendAsync(RawGet(client, url), Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_text", field);
    }

    [Fact]
    public async Task Get_ShouldAnswerInvalidText_WhenAQueryValueIsLongerThanItsField()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var longName = await client.GetAsync("/companies?name=" + new string('n', 254), Cancel);
        using var okName = await client.GetAsync("/companies?name=" + new string('n', 253), Cancel);

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(longName, HttpStatusCode.BadRequest, "invalid_text", "name");
        Assert.Contains("254", problem.GetProperty("detail").GetString());
        await ProblemAssert.IsJsonAsync(okName);
    }

    [Fact]
    public async Task Get_ShouldAnswerInvalidText_WhenTheTenantHeaderHoldsAControlCharacter()
    {
        // Arrange
        using var client = fixture.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/scores/latest");
        request.Headers.Authorization = new("Bearer", GatewayFixture.Token(null));
        request.Headers.TryAddWithoutValidation("X-Tenant-ID", "acme\u0001");

        // Act
        using var response = await client.SendAsync(request, Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_text", "X-Tenant-ID");
    }

    [Theory]
    [InlineData("POST", "/chat", "{\"message\": \"Manu\\u0000facturing\"}", "message")]
    [InlineData("POST", "/chat", "{\"message\": \"bell \\u0007\"}", "message")]
    [InlineData("POST", "/chat", "{\"message\": \"half \\ud800 a pair\"}", "message")]
    [InlineData("POST", "/jobs/staging_upsert", "{\"terms\": [\"manufacturing\", \"tab\\there\"]}", "terms[1]")]
    [InlineData("PUT", "/icp", "{\"target_ssic_codes\": [\"C\"], \"entity_types\": [\"Local Company\", \"x\", \"\\u001b[31m\"]}", "entity_types[2]")]
    [InlineData("POST", "/metrics/ttfb", "{\"ms\": 12, \"route\": \"chat\\u0000\"}", "route")]
    [InlineData("POST", "/chat", "{\"mess\\u0000age\": \"Manufacturing\"}", "(property name)")]
    public async Task Send_ShouldAnswerInvalidTextNamingTheField_WhenAJsonStringIsNotCleanText(string method, string path, string body, string field)
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        // Act
        using var response = await client.SendAsync(request, Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_text", field);
    }

    [Fact]
    public async Task PostChat_ShouldAnswerInvalidText_WhenTheBodyHoldsInvalidUtf8Bytes()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());
        byte[] body = [.. "{\"message\": \"Manu"u8, 0xFF, 0xFE, .. "facturing\"}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        // Act
        using var response = await client.PostAsync("/chat", content, Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_text", "message");
    }

    [Fact]
    public async Task PostChat_ShouldAcceptTabsAndLineBreaks_WhenTheFieldIsFreeText()
    {
        // Arrange: a chat message is free text; the same characters in a term are refused (above).
        using var client = fixture.Client(GatewayFixture.NewTenant());
        using var content = new StringContent("{\"message\": \"Manufacturing companies\\n\\tin Jurong\"}", Encoding.UTF8, "application/json");

        // Act
        using var response = await client.PostAsync("/chat", content, Cancel);

        // Assert
        await ProblemAssert.IsJsonAsync(response);
    }

    [Theory]
    [InlineData("/jobs/%00", HttpStatusCode.BadRequest, "invalid_text")]
    [InlineData("/companies/a%00b?name=x", HttpStatusCode.BadRequest, "invalid_text")]
    [InlineData("/companies?name=LONG", HttpStatusCode.RequestUriTooLong, "uri_too_long")]
    public async Task Get_ShouldAnswerAProblem_WhenKestrelRefusesTheRequestLine(string url, HttpStatusCode status, string code)
    {
        // Arrange: Kestrel's parser refuses these before any middleware; the answer still carries a problem body.
        using var client = fixture.Client(GatewayFixture.NewTenant());
        using var first = await client.GetAsync("/api/info", Cancel);

        // Act
        using var response = await client.SendAsync(RawGet(client, url.Replace("LONG", new string('n', 9000), StringComparison.Ordinal)), Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, status, code, status == HttpStatusCode.BadRequest ? "path" : null);
        Assert.True(response.Headers.ConnectionClose);
        await ProblemAssert.IsJsonAsync(first);
    }

    [Theory]
    [InlineData("GET", "/jobs/abc", null, HttpStatusCode.NotFound, "route_not_found")]
    [InlineData("GET", "/jobs/1%01", null, HttpStatusCode.NotFound, "route_not_found")]
    [InlineData("POST", "/jobs/%FF/run", null, HttpStatusCode.NotFound, "route_not_found")]
    [InlineData("GET", "/jobs/99999999999999999999", null, HttpStatusCode.NotFound, "route_not_found")]
    [InlineData("POST", "/chat", "", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("POST", "/chat", "null", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("PUT", "/icp", "{\"max_officers\": 1e400}", HttpStatusCode.BadRequest, "invalid_json")]
    public async Task Send_ShouldAnswerAProblem_WhenRoutingOrBindingFails(string method, string path, string? body, HttpStatusCode status, string code)
    {
        // Arrange: Accept names CSV only; errors still come as problem+json.
        using var client = fixture.Client(GatewayFixture.NewTenant());
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        request.Headers.Accept.ParseAdd("text/csv");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        // Act
        using var response = await client.SendAsync(request, Cancel);

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(response, status, code);
        Assert.DoesNotContain("parameter", problem.GetProperty("detail").GetString() ?? "", StringComparison.OrdinalIgnoreCase);
    }

    // Sends the URL exactly as written: the escapes are the point of the test.
    private static HttpRequestMessage RawGet(HttpClient client, string url)
        => new(HttpMethod.Get, new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
}
