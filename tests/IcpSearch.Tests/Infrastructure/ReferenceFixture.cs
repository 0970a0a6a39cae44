namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// A migrated database holding only the bundled SSIC reference (no registry rows).
/// </summary>
public sealed class ReferenceFixture : DatabaseFixture
{
    protected override int RegistryRows => 0;
}
