using IcpSearch.GrainInterfaces.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace IcpSearch.Tests.Foundation;

/// <summary>
/// The README's "internal services" snippet, verbatim in spirit: a separate host connects an IClusterClient over
/// ADO.NET clustering and calls a grain on the running silos.
/// </summary>
[Collection(SearchClusterCollection.Name)]
public sealed class ExternalClientTests(SearchClusterFixture fixture)
{
    [Fact]
    public async Task ClusterClient_ShouldReachATenantGrain_WhenConnectedOverAdoNetClustering()
    {
        // Arrange: what an internal service writes (see README, "Calling the grains from another service").
        var connectionString = fixture.ConnectionString;
        var clusterId = fixture.Cluster.Options.ClusterId;
        var serviceId = fixture.Cluster.Options.ServiceId;

        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = serviceId; })
            .UseAdoNetClustering(o => { o.Invariant = "Npgsql"; o.ConnectionString = connectionString; }));
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        // Act
        var client = host.Services.GetRequiredService<IClusterClient>();
        var result = await client.GetTenantSearchGrain("internal-" + Guid.NewGuid().ToString("N")[..6])
            .SearchAsync(new SearchRequest("Manufacturing"));
        await host.StopAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(10, result.Companies.Count);
        Assert.NotNull(result.JobId);
    }
}
