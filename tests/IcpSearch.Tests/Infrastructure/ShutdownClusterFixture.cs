namespace IcpSearch.Tests.Infrastructure;

/// <summary>The failure cluster's settings on a cluster of its own, for a test that stops one of its two silos for good.</summary>
public sealed class ShutdownClusterFixture : FailureClusterFixture;
