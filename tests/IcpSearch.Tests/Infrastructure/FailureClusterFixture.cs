namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A cluster of its own for tests that break things (kill a silo, rename a staging column), run one after another.
/// </summary>
public class FailureClusterFixture : ClusterFixture
{
    protected override int RegistryRows => 12_000;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["StagingUpsertJobOptions:MaxRowsPerRun"] = "100000";
        settings["StagingUpsertJobOptions:BatchSize"] = "200";
        // Slow batches down a little so a silo can be killed while a run is in progress.
        settings["StagingUpsertJobOptions:BatchPause"] = "00:00:00.050";
    }
}
