using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Search;

/// <summary>
/// Serves <see cref="IcpVocabularyCatalog.Vocabulary"/>; a stateless worker.
/// </summary>
[StatelessWorker]
public sealed class IcpVocabularyGrain : Grain, IIcpVocabularyGrain
{
    /// <inheritdoc />
    public Task<IcpVocabulary> GetAsync() => Task.FromResult(IcpVocabularyCatalog.Vocabulary);
}
