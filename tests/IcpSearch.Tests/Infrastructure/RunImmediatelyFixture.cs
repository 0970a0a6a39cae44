namespace IcpSearch.Tests.Infrastructure;

/// <summary><c>JOBS_RUN_IMMEDIATELY=true</c>.</summary>
public sealed class RunImmediatelyFixture : ModeClusterFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["StagingUpsertJobOptions:RunImmediately"] = "true";
}
