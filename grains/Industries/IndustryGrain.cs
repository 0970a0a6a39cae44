using IcpSearch.GrainInterfaces.Industries;

namespace IcpSearch.Grains.Industries;

/// <summary>
/// SSIC lookups for the industry input; a stateless worker.
/// </summary>
[StatelessWorker]
public sealed class IndustryGrain(NpgsqlIndustryCatalog catalog) : Grain, IIndustryGrain
{
    /// <inheritdoc />
    public Task<IReadOnlyList<IndustrySuggestion>> SuggestAsync(string text, int limit) => catalog.SuggestAsync(text ?? "", limit);
}
