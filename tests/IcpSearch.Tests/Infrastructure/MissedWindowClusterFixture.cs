using System.Globalization;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// One silo whose nightly window opens 20 seconds after start-up, for a test that keeps the cluster down across it.
/// </summary>
public sealed class MissedWindowClusterFixture : ClusterFixture
{
    protected override short Silos => 1;

    protected override int RegistryRows => 3_000;

    /// <summary>Gets the nightly window of this cluster.</summary>
    public DateTimeOffset Window { get; private set; }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        Window = DateTimeOffset.UtcNow.AddSeconds(20);
        settings["StagingUpsertJobOptions:NightlyAt"] = Window.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
