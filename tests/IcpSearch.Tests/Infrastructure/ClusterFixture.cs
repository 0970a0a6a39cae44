using System.Globalization;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A migrated, seeded database plus an Orleans test cluster whose silos use the real ADO.NET providers on it.
/// </summary>
public class ClusterFixture : DatabaseFixture
{
    /// <summary>Gets the number of silos started.</summary>
    protected virtual short Silos => 2;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:IcpSearch"] = ConnectionString,
            // Twelve hours away: a queued job in these tests never reaches its window by accident.
            ["StagingUpsertJobOptions:NightlyAt"] = DateTime.UtcNow.AddHours(12).ToString("HH:mm", CultureInfo.InvariantCulture),
            ["StagingUpsertJobOptions:TimeZone"] = "UTC",
            ["StagingUpsertJobOptions:BatchSize"] = "250",
            ["StagingUpsertJobOptions:RecoveryPeriod"] = "00:00:03",
            ["StagingUpsertJobOptions:QueuedCheckPeriod"] = "00:00:03",
            ["StagingUpsertJobOptions:MaxConcurrentPerSilo"] = "8",
            ["StagingUpsertJobOptions:TurnPollInterval"] = "00:00:00.200",
            ["StagingUpsertJobOptions:RetryBaseDelay"] = "00:00:00.200",
            ["StagingUpsertJobOptions:MaxRetries"] = "2",
            ["StagingUpsertJobOptions:MaxTransitionRetries"] = "2",
        };
        Configure(settings);

        var builder = new TestClusterBuilder(Silos);
        builder.Options.UseTestClusterMembership = false;
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(settings));
        builder.AddSiloBuilderConfigurator<IcpSiloConfigurator>();
        builder.AddClientBuilderConfigurator<IcpClientConfigurator>();
        ConfigureCluster(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Adjusts the silos' settings before the cluster starts.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Adjusts the test cluster (e.g. its transport) before it is built.</summary>
    protected virtual void ConfigureCluster(TestClusterBuilder builder)
    {
    }

    public override async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await base.DisposeAsync();
    }
}
