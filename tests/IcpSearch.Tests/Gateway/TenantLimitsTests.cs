using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using IcpSearch.Gateway.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// Per-tenant limits: chat and job-creation rates (429 with Retry-After) and the cap on open jobs.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class TenantLimitsTests(GatewayFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chat_ShouldAnswer429WithRetryAfterPerTenant_WhenTheTenantExceedsItsRate()
    {
        // Arrange
        var settings = fixture.GatewaySettings();
        settings["TenantRateLimitOptions:ChatPerMinute"] = "2";
        await using var gateway = fixture.CreateGateway(settings);
        using var noisy = ClientOf(gateway, GatewayFixture.NewTenant());
        using var quiet = ClientOf(gateway, GatewayFixture.NewTenant());

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await noisy.PostAsJsonAsync("/chat", new { message = "hello there" }, Cancel);
            statuses.Add(response.StatusCode);
        }

        using var limited = await noisy.PostAsJsonAsync("/chat", new { message = "hello there" }, Cancel);
        using var other = await quiet.PostAsJsonAsync("/chat", new { message = "hello there" }, Cancel);
        using var read = await noisy.GetAsync("/jobs", Cancel);

        // Assert
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task CreateJob_ShouldAnswer429WithRetryAfter_WhenTheTenantExceedsItsRateButLeaveOtherJobRoutesAlone()
    {
        // Arrange
        var settings = fixture.GatewaySettings();
        settings["TenantRateLimitOptions:JobCreatesPerMinute"] = "2";
        await using var gateway = fixture.CreateGateway(settings);
        var tenant = GatewayFixture.NewTenant();
        using var client = ClientOf(gateway, tenant);

        // Act
        using var first = await client.PostAsJsonAsync("/jobs/staging_upsert", new { terms = new[] { "Rice milling" } }, Cancel);
        using var second = await client.PostAsJsonAsync("/jobs/staging_upsert", new { terms = new[] { "Bakeries" } }, Cancel);
        using var limited = await client.PostAsJsonAsync("/jobs/staging_upsert", new { terms = new[] { "Construction" } }, Cancel);
        using var list = await client.GetAsync("/jobs", Cancel);
        using var otherTenant = await ClientOf(gateway, GatewayFixture.NewTenant()).PostAsJsonAsync("/jobs/staging_upsert", new { terms = new[] { "Construction" } }, Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, otherTenant.StatusCode);
        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
    }

    [Fact]
    public async Task OpenJobsCap_ShouldRefuseNewJobsWith429ButStillAnswerTheChatsTen_WhenTheTenantHas200OpenJobs()
    {
        // Arrange: the tenant already has the default cap of open jobs (JOBS_MAX_OPEN_PER_TENANT = 200).
        var tenant = GatewayFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await fixture.ScalarAsync<int>("""
            INSERT INTO background_jobs (tenant_id, job_type, status, params, params_key, total)
            SELECT @t, 'staging_upsert', CASE WHEN g % 2 = 0 THEN 'queued' ELSE 'running' END, '{}', 'open-' || g, 1
            FROM generate_series(1, 200) g;
            SELECT 1
            """, ("t", tenant));

        // Act
        using var create = await client.PostAsJsonAsync("/jobs/staging_upsert", new { terms = new[] { "Rice milling" } }, Cancel);
        var chat = await ProblemAssert.IsJsonAsync(await client.PostAsJsonAsync("/chat", new { message = "Manufacturing" }, Cancel));
        await fixture.ScalarAsync<int>("UPDATE background_jobs SET status = 'done', ended_at = now() WHERE tenant_id = @t AND params_key = 'open-1'; SELECT 1", ("t", tenant));
        using var afterOneEnded = await client.PostAsJsonAsync("/jobs/staging_upsert", new { terms = new[] { "Rice milling" } }, Cancel);

        // Assert: no job past the cap; the chat still handled its ten now and says why the rest waits.
        var problem = await ProblemAssert.IsProblemAsync(create, HttpStatusCode.TooManyRequests, "open_jobs_limit");
        Assert.Contains("JOBS_MAX_OPEN_PER_TENANT", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, chat.GetProperty("companies").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, chat.GetProperty("job_id").ValueKind);
        Assert.Equal(0, chat.GetProperty("scheduled").GetInt64());
        Assert.Contains("were not scheduled", chat.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, afterOneEnded.StatusCode);
        Assert.Equal(200L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM background_jobs WHERE tenant_id = @t AND status IN ('queued', 'running')", ("t", tenant)));
    }

    [Theory]
    [InlineData("Production", null, 60, 10)]
    [InlineData("Development", null, 0, 0)]
    [InlineData("Development", "5", 5, 0)]
    public async Task RateLimits_ShouldDefaultOnInProductionAndOffInDevelopment_UnlessSet(string environment, string? chatPerMinute, int chat, int jobs)
    {
        // Arrange
        var settings = fixture.GatewaySettings();
        if (environment == "Development")
        {
            settings.Remove("AuthOptions:Mode");
            settings.Remove("AuthOptions:SigningKey");
        }

        if (chatPerMinute is not null)
        {
            settings["TenantRateLimitOptions:ChatPerMinute"] = chatPerMinute;
        }

        await using var gateway = fixture.CreateGateway(settings, environment);

        // Act
        var limits = gateway.Services.GetRequiredService<IOptions<TenantRateLimitOptions>>().Value;

        // Assert
        Assert.Equal((chat, jobs), (limits.ChatPerMinute, limits.JobCreatesPerMinute));
    }

    private static HttpClient ClientOf(GatewayFactory gateway, string tenant)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", GatewayFixture.Token(tenant));
        return client;
    }
}
