namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// One silo whose nightly window opens 20 seconds after start-up, for a test that keeps the cluster down across it.
/// </summary>
public sealed class MissedWindowClusterFixture : SingleSiloClusterFixture
{
    protected override int RegistryRows => 3_000;

    protected override TimeSpan WindowDelay => TimeSpan.FromSeconds(20);
}
