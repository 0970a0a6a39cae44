using System.Net;
using System.Net.Http.Headers;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// The auth and tenant matrix against the production-configured gateway: each case reads /scores/latest, whose rows
/// show which tenant the request acted for.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class AuthTests(GatewayFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_ShouldAnswer401Problem_WhenNoTokenIsSent()
    {
        // Arrange
        using var client = fixture.Client();

        // Act
        using var response = await client.GetAsync("/scores/latest", Cancel);

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains("No bearer token", problem.GetProperty("detail").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("bad-signature", "signature")]
    [InlineData("expired", "expired")]
    [InlineData("wrong-audience", "audience")]
    [InlineData("garbage", "not valid")]
    public async Task Get_ShouldAnswer401Problem_WhenTheTokenIsBad(string kind, string detailSays)
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        var token = kind switch
        {
            "bad-signature" => GatewayFixture.Token(tenant, key: "another-key-of-at-least-thirty-two-bytes!!"),
            "expired" => GatewayFixture.Token(tenant, expires: DateTime.UtcNow.AddMinutes(-5)),
            "wrong-audience" => GatewayFixture.Token(tenant, audience: "someone-else"),
            _ => "not.a.jwt",
        };
        using var client = fixture.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Act
        using var response = await client.GetAsync("/scores/latest", Cancel);

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Contains(detailSays, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ShouldActForTheClaimTenant_WhenOnlyTheClaimIsGiven()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        var ids = await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 3);

        // Act
        var seen = await SeenCompaniesAsync(GatewayFixture.Token(tenant), header: null);

        // Assert
        Assert.Equal(ids.Order(), seen.Order());
    }

    [Fact]
    public async Task Get_ShouldActForTheHeaderTenant_WhenTheTokenHasNoTenantClaim()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        var ids = await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 2);

        // Act
        var seen = await SeenCompaniesAsync(GatewayFixture.Token(null), header: tenant);

        // Assert
        Assert.Equal(ids.Order(), seen.Order());
    }

    [Fact]
    public async Task Get_ShouldAnswer400TenantRequired_WhenTheTokenHasNoTenantAndNoHeaderIsSent()
    {
        // Arrange
        using var client = ClientWith(GatewayFixture.Token(null), header: null);

        // Act
        using var response = await client.GetAsync("/scores/latest", Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "tenant_required");
    }

    [Fact]
    public async Task Get_ShouldAnswer403_WhenTenantClaimsAreRequiredAndTheTokenHasNone()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        var ids = await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 2);
        var settings = fixture.GatewaySettings();
        settings["TenantOptions:RequireTenantClaim"] = "true";
        await using var strict = fixture.CreateGateway(settings);
        using var claimless = strict.CreateClient();
        claimless.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayFixture.Token(null));
        claimless.DefaultRequestHeaders.Add("X-Tenant-ID", tenant);
        using var claimed = strict.CreateClient();
        claimed.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GatewayFixture.Token(tenant));

        // Act
        using var refused = await claimless.GetAsync("/scores/latest", Cancel);
        var page = await ProblemAssert.IsJsonAsync(await claimed.GetAsync("/scores/latest", Cancel));

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "forbidden");
        Assert.Contains("REQUIRE_TENANT_CLAIM", problem.GetProperty("detail").GetString());
        Assert.Equal(ids.Order(), page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("company_id").GetInt64()).Order());
    }

    [Fact]
    public async Task Get_ShouldActForTheTenant_WhenClaimAndHeaderAgree()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        var ids = await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 2);

        // Act
        var seen = await SeenCompaniesAsync(GatewayFixture.Token(tenant), header: tenant);

        // Assert
        Assert.Equal(ids.Order(), seen.Order());
    }

    [Fact]
    public async Task Get_ShouldAnswer403TenantMismatch_WhenTheHeaderContradictsTheClaim()
    {
        // Arrange
        var mine = GatewayFixture.NewTenant();
        var theirs = GatewayFixture.NewTenant();
        await LeadSeeder.SeedAsync(fixture.DataSource, theirs, 2);
        using var client = ClientWith(GatewayFixture.Token(mine), header: theirs);

        // Act
        using var scores = await client.GetAsync("/scores/latest", Cancel);
        using var chat = await client.PostAsync("/chat", Json("""{"message":"Manufacturing"}"""), Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(scores, HttpStatusCode.Forbidden, "tenant_mismatch");
        await ProblemAssert.IsProblemAsync(chat, HttpStatusCode.Forbidden, "tenant_mismatch");
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", mine)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Get_ShouldLetTheHeaderChooseOnlyAmongAllowedTenants_WhenTheTokenCarriesATenantsList(bool asJsonArray)
    {
        // Arrange
        var first = GatewayFixture.NewTenant();
        var second = GatewayFixture.NewTenant();
        var outsider = GatewayFixture.NewTenant();
        var secondIds = await LeadSeeder.SeedAsync(fixture.DataSource, second, 2);
        await LeadSeeder.SeedAsync(fixture.DataSource, outsider, 2);
        // The claim as a JSON array, or as a string holding a JSON array (as some identity providers issue it).
        object tenants = asJsonArray ? new[] { first, second } : $"[\"{first}\",\"{second}\"]";
        var token = GatewayFixture.Token(null, tenants);

        // Act
        var seen = await SeenCompaniesAsync(token, header: second);
        using var outsiderClient = ClientWith(token, header: outsider);
        using var refused = await outsiderClient.GetAsync("/scores/latest", Cancel);
        using var noHeaderClient = ClientWith(token, header: null);
        using var ambiguous = await noHeaderClient.GetAsync("/scores/latest", Cancel);

        // Assert
        Assert.Equal(secondIds.Order(), seen.Order());
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden, "tenant_mismatch");
        await ProblemAssert.IsProblemAsync(ambiguous, HttpStatusCode.BadRequest, "tenant_required");
    }

    [Fact]
    public async Task Get_ShouldAnswer400_WhenTheHeaderIsMalformed()
    {
        // Arrange
        using var client = ClientWith(GatewayFixture.Token(null), header: "../etc");

        // Act
        using var response = await client.GetAsync("/scores/latest", Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", "X-Tenant-ID");
    }

    [Fact]
    public async Task GetInfo_ShouldBeOpenAndSayAuthIsOn_WhenConfiguredForProduction()
    {
        // Arrange
        using var client = fixture.Client();

        // Act
        using var response = await client.GetAsync("/api/info", Cancel);

        // Assert
        var info = await ProblemAssert.IsJsonAsync(response);
        Assert.Equal("IcpSearch", info.GetProperty("service").GetString());
        Assert.False(string.IsNullOrEmpty(info.GetProperty("version").GetString()));
        Assert.Equal("Production", info.GetProperty("environment").GetString());
        var auth = info.GetProperty("auth");
        Assert.True(auth.GetProperty("enabled").GetBoolean());
        Assert.Equal("jwt", auth.GetProperty("mode").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, auth.GetProperty("default_tenant").ValueKind);
    }

    [Fact]
    public async Task DevelopmentMode_ShouldRunWithoutAuthForTheDefaultTenantAndSaySo_WhenAuthModeIsUnset()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant("demo");
        var ids = await LeadSeeder.SeedAsync(fixture.DataSource, tenant, 2);
        var settings = fixture.GatewaySettings();
        settings.Remove("AuthOptions:Mode");
        settings.Remove("AuthOptions:SigningKey");
        settings["TenantOptions:DefaultTenant"] = tenant;
        await using var gateway = fixture.CreateGateway(settings, "Development");
        using var client = gateway.CreateClient();

        // Act
        var info = await ProblemAssert.IsJsonAsync(await client.GetAsync("/api/info", Cancel));
        var page = await ProblemAssert.IsJsonAsync(await client.GetAsync("/scores/latest", Cancel));

        // Assert
        var auth = info.GetProperty("auth");
        Assert.False(auth.GetProperty("enabled").GetBoolean());
        Assert.Equal("off", auth.GetProperty("mode").GetString());
        Assert.Equal(tenant, auth.GetProperty("default_tenant").GetString());
        Assert.Equal(ids.Order(), page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("company_id").GetInt64()).Order());
        Assert.Contains(gateway.Logs.Events, e => e.Level == Serilog.Events.LogEventLevel.Warning
            && e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("AUTHENTICATION IS OFF", StringComparison.Ordinal));
    }

    private async Task<List<long>> SeenCompaniesAsync(string token, string? header)
    {
        using var client = ClientWith(token, header);
        using var response = await client.GetAsync("/scores/latest?limit=200", Cancel);
        var page = await ProblemAssert.IsJsonAsync(response);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("company_id").GetInt64()).ToList();
    }

    private HttpClient ClientWith(string token, string? header)
    {
        var client = fixture.Client(tenantHeader: header);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
