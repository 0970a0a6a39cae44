using IcpSearch.GrainInterfaces.Threads;

namespace IcpSearch.Grains.Threads;

/// <summary>
/// A row of <c>threads</c> with its head checkpoint: everything a thread grain holds durably.
/// </summary>
/// <param name="ThreadId">Gets the thread id.</param>
/// <param name="TenantId">Gets the owning tenant.</param>
/// <param name="MetadataJson">Gets the metadata, a JSON object.</param>
/// <param name="Status">Gets the status: idle, busy or error.</param>
/// <param name="CreatedAt">Gets when the thread was created.</param>
/// <param name="UpdatedAt">Gets when the thread last changed.</param>
/// <param name="Head">Gets the newest checkpoint, or null before the first run.</param>
/// <param name="Version">Gets the row version a save must match (optimistic concurrency).</param>
public sealed record ThreadRecord(
    Guid ThreadId,
    string TenantId,
    string MetadataJson,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ThreadCheckpoint? Head,
    int Version)
{
    /// <summary>Returns the thread as the API shows it.</summary>
    public ThreadSnapshot ToSnapshot() => new(ThreadId, CreatedAt, UpdatedAt, MetadataJson, Status, Head?.ValuesJson);
}
