namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// An entity type of a search's filters and the registry descriptions an ICP profile stores for it.
/// </summary>
/// <param name="Code">Gets the filter code, e.g. "private_limited" or "llp".</param>
/// <param name="Label">Gets a name for people, e.g. "Private limited company".</param>
/// <param name="Descriptions">Gets the registry's entity type descriptions (lower case) the type stands for; <see cref="IcpProfile.EntityTypes"/> holds these.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.IcpEntityType")]
public sealed record IcpEntityType(string Code, string Label, IReadOnlyList<string> Descriptions);
