using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IcpSearch.Tests.Gateway;

[Collection(GatewayCollection.Name)]
public sealed class OpenApiTests(GatewayFixture fixture)
{
    [Fact]
    public async Task OpenApiDocument_ShouldListEveryApiPathAndMethod_WhenFetched()
    {
        // Arrange
        using var client = fixture.Client();
        string[] expected =
        [
            "GET /api/info", "GET /api/metrics", "POST /metrics/ttfb", "POST /chat",
            "POST /jobs/staging_upsert", "GET /jobs", "GET /jobs/{jobId}", "POST /jobs/{jobId}/run", "POST /jobs/{jobId}/cancel", "POST /jobs/{jobId}/retry",
            "GET /scores/latest", "GET /scores/export", "GET /candidates", "GET /candidates/export",
            "GET /industries/suggest", "GET /companies", "GET /icp", "PUT /icp",
        ];
        // Every minimal-API endpoint the running gateway maps (health, Prometheus and the document itself are not API).
        var mapped = fixture.Gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<System.Reflection.MethodInfo>() is not null && !e.RoutePattern.RawText!.StartsWith("/openapi", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} /{e.RoutePattern.RawText!.Trim('/').Replace(":long", "", StringComparison.Ordinal).Replace(":guid", "", StringComparison.Ordinal)}"))
            .ToHashSet();

        // Act
        var json = await ProblemAssert.IsJsonAsync(await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        // Assert
        var documented = json.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name.TrimEnd('/')}"))
            .ToHashSet();
        Assert.All(expected, e => Assert.Contains(e, documented));
        Assert.All(mapped, e => Assert.Contains(e, documented));
        Assert.Equal(JsonValueKind.Object, json.GetProperty("info").ValueKind);
        Assert.Equal("bearer", json.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
    }
}
