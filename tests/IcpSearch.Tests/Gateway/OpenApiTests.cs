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
            "GET /industries/suggest", "GET /companies", "GET /icp", "PUT /icp", "GET /icp/options", "POST /icp/from-understanding",
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

    [Fact]
    public async Task OpenApiDocument_ShouldDescribeWhatTheChatUnderstood_AndItsRefinements()
    {
        // Arrange
        using var client = fixture.Client();

        // Act
        var json = await ProblemAssert.IsJsonAsync(await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        // Assert: the 200 answer of POST /chat, followed through its references.
        var schemas = json.GetProperty("components").GetProperty("schemas");
        var ok = json.GetProperty("paths").GetProperty("/chat").GetProperty("post").GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var chat = Resolve(schemas, ok).GetProperty("properties");
        var understood = Resolve(schemas, chat.GetProperty("understood")).GetProperty("properties");
        Assert.All(new[] { "industries", "ssic_codes", "filters", "unmatched" }, p => Assert.True(understood.TryGetProperty(p, out _), p));
        var industry = Resolve(schemas, Resolve(schemas, understood.GetProperty("industries")).GetProperty("items")).GetProperty("properties");
        Assert.All(new[] { "code", "title", "level", "matched_by" }, p => Assert.True(industry.TryGetProperty(p, out _), p));
        var filters = Resolve(schemas, understood.GetProperty("filters")).GetProperty("properties");
        Assert.All(new[] { "districts", "officers", "incorporated", "age_years", "entity_types", "statuses", "exclude", "not_applicable" },
            p => Assert.True(filters.TryGetProperty(p, out _), p));
        var refinement = Resolve(schemas, Resolve(schemas, chat.GetProperty("refinements")).GetProperty("items")).GetProperty("properties");
        Assert.All(new[] { "code", "title", "level", "count" }, p => Assert.True(refinement.TryGetProperty(p, out _), p));
    }

    [Fact]
    public async Task OpenApiDocument_ShouldDescribeTheIcpProfile_ItsOptions_AndSaveAsMyIcp()
    {
        // Arrange
        using var client = fixture.Client();

        // Act
        var json = await ProblemAssert.IsJsonAsync(await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        // Assert: PUT /icp's body with weights, GET /icp/options' lists, and POST /icp/from-understanding both ways.
        var schemas = json.GetProperty("components").GetProperty("schemas");
        var paths = json.GetProperty("paths");
        JsonElement Body(string path, string method) => Resolve(schemas, paths.GetProperty(path).GetProperty(method).GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema")).GetProperty("properties");
        JsonElement Ok(string path, string method) => Resolve(schemas, paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema")).GetProperty("properties");
        var profile = Body("/icp", "put");
        Assert.All(new[] { "target_ssic_codes", "min_age_years", "max_age_years", "entity_types", "statuses", "min_officers", "max_officers", "districts", "weights" },
            p => Assert.True(profile.TryGetProperty(p, out _), p));
        var weights = Resolve(schemas, profile.GetProperty("weights")).GetProperty("properties");
        Assert.All(new[] { "industry", "status", "age", "size", "district", "entity_type" }, p => Assert.True(weights.TryGetProperty(p, out _), p));
        var options = Ok("/icp/options", "get");
        Assert.All(new[] { "districts", "entity_types", "statuses" }, p => Assert.True(options.TryGetProperty(p, out _), p));
        var district = Resolve(schemas, Resolve(schemas, options.GetProperty("districts")).GetProperty("items")).GetProperty("properties");
        Assert.All(new[] { "code", "places" }, p => Assert.True(district.TryGetProperty(p, out _), p));
        var understood = Body("/icp/from-understanding", "post");
        Assert.All(new[] { "industries", "filters" }, p => Assert.True(understood.TryGetProperty(p, out _), p));
        var saved = Ok("/icp/from-understanding", "post");
        Assert.All(new[] { "profile", "not_carried" }, p => Assert.True(saved.TryGetProperty(p, out _), p));
    }

    // Follows a "$ref" (also inside a nullable "oneOf"/"anyOf") to the schema it names.
    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Resolve(schemas, schemas.GetProperty(reference.GetString()!.Split('/')[^1]));
        }

        foreach (var union in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(union, out var options))
            {
                return Resolve(schemas, options.EnumerateArray().First(o => !(o.TryGetProperty("type", out var t) && t.GetString() == "null")));
            }
        }

        return schema;
    }
}
