namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// The shared two-silo cluster for search, job and gateway tests; tests isolate themselves by tenant id.
/// </summary>
public sealed class SearchClusterFixture : ClusterFixture
{
    /// <summary>The per-run cap of this cluster: above "manufacturing" (about 3,000 matches), below "wholesale, retail" (about 4,500).</summary>
    public const int RunCap = 3500;

    protected override void Configure(IDictionary<string, string?> settings)
        => settings["StagingUpsertJobOptions:MaxRowsPerRun"] = RunCap.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Real sockets, so clients outside the test cluster (another service's IClusterClient) can connect as in production.
    protected override void ConfigureCluster(Orleans.TestingHost.TestClusterBuilder builder)
        => builder.Options.ConnectionTransport = Orleans.TestingHost.ConnectionTransportType.TcpSocket;
}
