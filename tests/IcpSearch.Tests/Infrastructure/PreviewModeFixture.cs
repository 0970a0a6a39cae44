namespace IcpSearch.Tests.Infrastructure;

/// <summary><c>STAGING_UPSERT_MODE=sync_preview</c>.</summary>
public sealed class PreviewModeFixture : ModeClusterFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["SearchOptions:Mode"] = "sync_preview";
}
