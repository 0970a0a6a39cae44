namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// The values an ICP profile's lists take, as the registry and the scorer use them: what a form offers to pick from.
/// </summary>
/// <param name="Districts">Gets the 28 postal districts with the places each covers, "01" first.</param>
/// <param name="EntityTypes">Gets the entity types a search understands, each with the registry descriptions it stands for.</param>
/// <param name="Statuses">Gets the entity statuses the registry files, live ones first.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.IcpVocabulary")]
public sealed record IcpVocabulary(
    IReadOnlyList<IcpDistrict> Districts,
    IReadOnlyList<IcpEntityType> EntityTypes,
    IReadOnlyList<IcpStatus> Statuses);
