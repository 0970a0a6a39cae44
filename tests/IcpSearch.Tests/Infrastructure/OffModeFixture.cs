namespace IcpSearch.Tests.Infrastructure;

/// <summary><c>STAGING_UPSERT_MODE=off</c>.</summary>
public sealed class OffModeFixture : ModeClusterFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["SearchOptions:Mode"] = "off";
}
