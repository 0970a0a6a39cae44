using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// Request logs carry trace id, tenant and status; the signing key, bearer tokens and the database password never appear.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class LogHygieneTests(GatewayFixture fixture)
{
    [Fact]
    public async Task RequestLogs_ShouldCarryTraceTenantAndStatusButNoSecret_WhenRequestsCarryTokens()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        var token = GatewayFixture.Token(tenant);
        var forged = GatewayFixture.Token(tenant, key: "forged-key-forged-key-forged-key-forged");
        using var client = fixture.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var forgedClient = fixture.Client();
        forgedClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        // Act
        await client.GetAsync($"/scores/latest?limit=5", TestContext.Current.CancellationToken);
        await client.PostAsJsonAsync("/chat", new { message = "Manufacturing" }, TestContext.Current.CancellationToken);
        await forgedClient.GetAsync("/scores/latest", TestContext.Current.CancellationToken);
        await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        // Assert
        var logs = fixture.Gateway.Logs;
        var request = await logs.WaitForAsync(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/scores/latest\""
            && e.Properties.TryGetValue("Tenant", out var t) && t.ToString() == $"\"{tenant}\"");
        Assert.Equal("200", request.Properties["StatusCode"].ToString());
        Assert.Matches("^\"[0-9a-f]{32}\"$", request.Properties["TraceId"].ToString());
        await logs.WaitForAsync(e => e.Properties.TryGetValue("StatusCode", out var status) && status.ToString() == "401");
        await logs.WaitForAsync(e => e.Properties.TryGetValue("RequestPath", out var path) && path.ToString() == "\"/healthz\"");
        var everything = fixture.Gateway.Logs.RenderAll();
        Assert.DoesNotContain(GatewayFixture.SigningKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(forged, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], everything, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayFixture.DatabasePassword, everything, StringComparison.Ordinal);
    }
}
