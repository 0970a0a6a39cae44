namespace IcpSearch.Tests.Infrastructure;

/// <summary><c>UPSERT_SYNC_LIMIT=0</c>.</summary>
public sealed class NoSyncFixture : ModeClusterFixture
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["SearchOptions:SyncLimit"] = "0";
}
