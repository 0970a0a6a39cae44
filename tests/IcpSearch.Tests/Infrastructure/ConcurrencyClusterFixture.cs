using System.Globalization;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// Two silos allowing one running job each, inside an open nightly window, with turns of 200 rows in batches of 100.
/// </summary>
public class ConcurrencyClusterFixture : ClusterFixture
{
    /// <summary>The jobs one silo runs at once.</summary>
    public const int PerSilo = 1;

    protected override int RegistryRows => 8_000;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        // Opened a minute ago and four hours long, so turns yield and continue instead of waiting for tomorrow.
        settings["StagingUpsertJobOptions:NightlyAt"] = DateTime.UtcNow.AddMinutes(-1).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        settings["StagingUpsertJobOptions:Window"] = "04:00:00";
        settings["StagingUpsertJobOptions:BatchSize"] = "100";
        settings["StagingUpsertJobOptions:MaxRowsPerRun"] = "200";
        settings["StagingUpsertJobOptions:YieldDelay"] = "00:00:01";
        settings["StagingUpsertJobOptions:MaxConcurrentPerSilo"] = PerSilo.ToString(CultureInfo.InvariantCulture);
    }
}
