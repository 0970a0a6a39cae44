using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// What a score is measured against: the tenant's ICP, and the codes searched for when the ICP names no industry.
/// </summary>
/// <param name="Profile">The tenant's ICP profile.</param>
/// <param name="SearchCodes">The 5-digit codes of the search or job.</param>
/// <param name="Today">The date ages are computed at.</param>
public sealed record ScoringContext(IcpProfile Profile, IReadOnlyList<string> SearchCodes, DateOnly Today)
{
    private IcpScoreModel? _model;

    /// <summary>Gets the score model of this context, built once.</summary>
    public IcpScoreModel Model => _model ??= new IcpScoreModel(Profile, SearchCodes, Today);
}
