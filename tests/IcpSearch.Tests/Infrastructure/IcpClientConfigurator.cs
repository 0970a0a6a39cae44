using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// Lets the test cluster's client find the silos' gateways through the ADO.NET membership table, as real clients do.
/// </summary>
public sealed class IcpClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        => clientBuilder.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = configuration.GetConnectionString("IcpSearch");
        });
}
