using IcpSearch.GrainInterfaces.Threads;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// Thread search; a stateless worker reading the same rows the thread grains write.
/// </summary>
[StatelessWorker]
public sealed class ThreadQueryGrain(IThreadStore store) : Grain, IThreadQueryGrain
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ThreadSnapshot>> SearchAsync(ThreadSearchRequest request) => store.SearchAsync(request);
}
