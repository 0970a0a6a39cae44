namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// An entity status the registry files.
/// </summary>
/// <param name="Description">Gets the status as filed, e.g. "Live Company"; <see cref="IcpProfile.Statuses"/> holds these.</param>
/// <param name="Live">Gets whether the status counts as live (what a profile with no statuses targets).</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.IcpStatus")]
public sealed record IcpStatus(string Description, bool Live);
