namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// A thread search: the tenant's threads whose metadata contains <paramref name="MetadataJson"/> (JSON containment).
/// </summary>
/// <param name="TenantId">Gets the tenant whose threads are searched.</param>
/// <param name="MetadataJson">Gets the metadata filter, a JSON object; <c>{}</c> matches every thread.</param>
/// <param name="Status">Gets the status to match (idle, busy, interrupted, error), or null for any.</param>
/// <param name="Limit">Gets the most threads returned, 1 to 1,000.</param>
/// <param name="Offset">Gets the number of matching threads skipped (the protocol pages by offset), 0 or more.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.ThreadSearchRequest")]
public sealed record ThreadSearchRequest(string TenantId, string MetadataJson, string? Status, int Limit, int Offset);
