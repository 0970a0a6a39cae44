namespace IcpSearch.GrainInterfaces.Common;

/// <summary>
/// One keyset page of results.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="Items">Gets the rows of this page, at most the requested limit.</param>
/// <param name="NextCursor">Gets the cursor of the next page, or null when this is the last page.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.Page`1")]
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
