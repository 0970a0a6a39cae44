using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Gateway.Endpoints.Icp;

/// <summary>The values the lists of an ICP profile take, for a form to offer.</summary>
/// <param name="Districts">The 28 postal districts: code ("01".."28", what <c>districts</c> holds) and the places each covers.</param>
/// <param name="EntityTypes">The entity types of a search: filter code, a label, and the registry descriptions <c>entity_types</c> holds for it.</param>
/// <param name="Statuses">The statuses the registry files (what <c>statuses</c> holds) and whether each counts as live.</param>
public sealed record IcpOptionsResponse(IReadOnlyList<IcpDistrict> Districts, IReadOnlyList<IcpEntityType> EntityTypes, IReadOnlyList<IcpStatus> Statuses)
{
    public static IcpOptionsResponse From(IcpVocabulary v) => new(v.Districts, v.EntityTypes, v.Statuses);
}
