namespace IcpSearch.GrainInterfaces.Threads;

/// <summary>
/// Thread search over the <c>threads</c> table. A stateless worker; use key 0.
/// </summary>
[Alias("IcpSearch.IThreadQueryGrain")]
public interface IThreadQueryGrain : IGrainWithIntegerKey
{
    /// <summary>Returns a tenant's threads whose metadata contains the filter, newest first.</summary>
    [ReadOnly, Alias("SearchAsync")]
    Task<IReadOnlyList<ThreadSnapshot>> SearchAsync(ThreadSearchRequest request);
}
