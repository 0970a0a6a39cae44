namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A small one-silo cluster with its own database, for one setting of the search flags.
/// </summary>
public abstract class ModeClusterFixture : ClusterFixture
{
    protected override short Silos => 1;

    protected override int RegistryRows => 4_000;
}
