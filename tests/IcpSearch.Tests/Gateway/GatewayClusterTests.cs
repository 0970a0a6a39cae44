using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IcpSearch.Tests.Gateway;

[Collection(GatewayCollection.Name)]
public sealed class GatewayClusterTests(GatewayFixture fixture)
{
    [Fact]
    public async Task PostChat_ShouldAnswerTenCompaniesThroughTheCluster_WhenMessageIsManufacturing()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        using var client = fixture.Client(tenant);

        // Act
        using var response = await client.PostAsJsonAsync("/chat", new { message = "Manufacturing" }, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(10, body.RootElement.GetProperty("companies").GetArrayLength());
        Assert.True(body.RootElement.GetProperty("total_matches").GetInt64() > 10);
        Assert.Equal(10L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", tenant)));
    }
}
