namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A small one-silo cluster with its own database, for one setting of the search flags.
/// </summary>
public abstract class ModeClusterFixture : ClusterFixture
{
    protected override short Silos => 1;

    protected override int RegistryRows => 4_000;
}

/// <summary><c>STAGING_UPSERT_MODE=sync_preview</c>.</summary>
public sealed class PreviewModeFixture : ModeClusterFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["SearchOptions:Mode"] = "sync_preview";
}

/// <summary><c>STAGING_UPSERT_MODE=off</c>.</summary>
public sealed class OffModeFixture : ModeClusterFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["SearchOptions:Mode"] = "off";
}

/// <summary><c>JOBS_RUN_IMMEDIATELY=true</c>.</summary>
public sealed class RunImmediatelyFixture : ModeClusterFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["StagingUpsertJobOptions:RunImmediately"] = "true";
}

/// <summary><c>UPSERT_SYNC_LIMIT=0</c>.</summary>
public sealed class NoSyncFixture : ModeClusterFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["SearchOptions:SyncLimit"] = "0";
}

/// <summary>Two extra enrichment providers, one failing and one hanging, with a 300 ms budget.</summary>
public sealed class DegradedEnrichmentFixture : ModeClusterFixture
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Tests:FailingEnrichmentProviders"] = "true";
        settings["EnrichmentOptions:ProviderTimeout"] = "00:00:00.300";
    }
}
