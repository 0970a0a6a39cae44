using System.Net;
using System.Text;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// Every error is RFC 9457 problem+json with a stable code, and nothing of the server's internals leaks.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ProblemTests(GatewayFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("POST", "/chat", "{\"message\": \"Manu", "invalid_json", null)]
    [InlineData("POST", "/chat", "{\"message\": 5}", "invalid_json", "$.message")]
    [InlineData("POST", "/jobs/staging_upsert", "{\"terms\": \"manufacturing\"}", "invalid_json", "$.terms")]
    [InlineData("PUT", "/icp", "{\"min_age_years\": \"ten\"}", "invalid_json", "$.min_age_years")]
    [InlineData("POST", "/metrics/ttfb", "{\"ms\": [1]}", "invalid_json", "$.ms")]
    [InlineData("PUT", "/icp", "{\"target_ssic_codes\": [\"C\", \"ZZ\"]}", "validation_failed", "target_ssic_codes[1]")]
    [InlineData("PUT", "/icp", "{\"min_age_years\": 10, \"max_age_years\": 5}", "validation_failed", "max_age_years")]
    [InlineData("POST", "/chat", "{\"message\": \"   \"}", "validation_failed", "message")]
    public async Task Send_ShouldAnswer400Problem_WhenTheBodyIsMalformedOrInvalid(string method, string path, string body, string code, string? field)
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        // Act
        using var response = await client.SendAsync(request, Cancel);

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code, field);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Post_ShouldAnswer413Problem_WhenTheBodyExceedsMaxRequestBodyBytes()
    {
        // Arrange: the default limit is 64 KiB; real Kestrel enforces it.
        using var client = fixture.Client(GatewayFixture.NewTenant());
        var body = "{\"message\": \"" + new string('x', 70_000) + "\"}";

        // Act
        using var response = await client.PostAsync("/chat", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body_too_large");
    }

    [Fact]
    public async Task Post_ShouldAnswer415Problem_WhenTheBodyIsNotJson()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var response = await client.PostAsync("/chat", new StringContent("Manufacturing", Encoding.UTF8, "text/plain"), Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Get_ShouldAnswer404Problem_WhenTheRouteIsUnknown(bool withToken)
    {
        // Arrange
        using var client = fixture.Client(withToken ? GatewayFixture.NewTenant() : null);

        // Act
        using var response = await client.GetAsync("/no/such/route", Cancel);

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "route_not_found");
        Assert.Contains("/no/such/route", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Delete_ShouldAnswer405Problem_WhenTheMethodIsNotAllowed()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var response = await client.DeleteAsync("/scores/latest", Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }
}
