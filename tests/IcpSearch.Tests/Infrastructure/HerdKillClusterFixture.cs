namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A <see cref="ConcurrencyClusterFixture"/> of its own, for the test that kills one of its silos.
/// </summary>
public sealed class HerdKillClusterFixture : ConcurrencyClusterFixture
{
}
