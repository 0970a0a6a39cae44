using IcpSearch.GrainInterfaces.Threads;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// The <c>threads</c> and <c>thread_checkpoints</c> tables: the only durable copy of a thread.
/// </summary>
public interface IThreadStore
{
    /// <summary>Returns the thread with its head checkpoint, or null when there is none.</summary>
    Task<ThreadRecord?> GetAsync(Guid threadId, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new thread; false when the id is taken.</summary>
    Task<bool> TryInsertAsync(ThreadRecord thread, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the thread's metadata, status and head, with <paramref name="checkpoint"/> (when given) as the new head,
    /// in one transaction, if the row still has <paramref name="expectedVersion"/>.
    /// </summary>
    /// <returns>The saved thread with its new version.</returns>
    /// <exception cref="InvalidOperationException">The row changed since it was read.</exception>
    Task<ThreadRecord> SaveAsync(ThreadRecord thread, ThreadCheckpoint? checkpoint, int expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Returns the thread's checkpoints, newest first, optionally only those older than <paramref name="before"/>.</summary>
    Task<IReadOnlyList<ThreadCheckpoint>> HistoryAsync(Guid threadId, int limit, Guid? before, CancellationToken cancellationToken = default);

    /// <summary>Returns a tenant's threads whose metadata contains the filter, newest first.</summary>
    Task<IReadOnlyList<ThreadSnapshot>> SearchAsync(ThreadSearchRequest request, CancellationToken cancellationToken = default);
}
