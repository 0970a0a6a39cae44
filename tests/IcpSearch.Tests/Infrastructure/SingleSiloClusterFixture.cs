using System.Globalization;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// One silo whose nightly window opens 25 seconds after start-up, for restart and reminder tests.
/// </summary>
public class SingleSiloClusterFixture : ClusterFixture
{
    protected override short Silos => 1;

    protected override int RegistryRows => 6_000;

    /// <summary>Gets the nightly window of this cluster.</summary>
    public DateTimeOffset Window { get; private set; }

    /// <summary>Gets how long after start-up the window opens.</summary>
    protected virtual TimeSpan WindowDelay => TimeSpan.FromSeconds(25);

    protected override void Configure(IDictionary<string, string?> settings)
    {
        Window = DateTimeOffset.UtcNow.Add(WindowDelay);
        settings["StagingUpsertJobOptions:NightlyAt"] = Window.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
