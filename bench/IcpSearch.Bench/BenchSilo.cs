using IcpSearch.Grains.Extensions;
using IcpSearch.Silo.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace IcpSearch.Bench;

/// <summary>
/// An in-process silo of a cluster on the real ADO.NET providers, as the silo host wires it, for the benchmarks that
/// drive grains directly.
/// </summary>
public static class BenchSilo
{
    /// <summary>Starts a silo of <paramref name="clusterId"/> on free loopback ports with <paramref name="settings"/> on top of the connection string.</summary>
    public static async Task<IHost> StartAsync(string connectionString, string clusterId, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["ConnectionStrings:IcpSearch"] = connectionString });
        builder.Services.AddIcpSearchGrains(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (clusterId, clusterId));
            silo.ConfigureEndpoints(System.Net.IPAddress.Loopback, HostProcess.FreePort(), HostProcess.FreePort());
            silo.UseIcpSearchProviders(connectionString);
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
