namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A database of its own with the SSIC reference and 5,000 demo rows, for tests that change the registry.
/// </summary>
public sealed class RegistryFixture : DatabaseFixture
{
    protected override int RegistryRows => 5_000;
}
