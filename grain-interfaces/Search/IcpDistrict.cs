namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// A Singapore postal district as an ICP profile names it.
/// </summary>
/// <param name="Code">Gets the two-digit district, "01" to "28", as <see cref="IcpProfile.Districts"/> stores it.</param>
/// <param name="Places">Gets the places the district covers, e.g. "Orchard, Cairnhill, River Valley".</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.IcpDistrict")]
public sealed record IcpDistrict(string Code, string Places);
