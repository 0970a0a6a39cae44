namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// The ICP profile stored from what a search understood, and what of it a profile cannot hold.
/// </summary>
/// <param name="Profile">Gets the stored profile, normalised.</param>
/// <param name="NotCarried">Gets one line per understood constraint the profile does not hold (exclusions, constraints the registry cannot answer).</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.UnderstoodIcp")]
public sealed record UnderstoodIcp(IcpProfile Profile, IReadOnlyList<string> NotCarried);
