using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Grains.Search;

/// <summary>
/// The persistent state of a tenant (ADO.NET grain storage, state name <c>tenant-search</c>).
/// </summary>
[GenerateSerializer, Alias("IcpSearch.TenantSearchState")]
public sealed class TenantSearchState
{
    /// <summary>Gets or sets the tenant id the state was written for, checked on every read.</summary>
    [Id(0)] public string? TenantId { get; set; }

    [Id(1)] public IcpProfile? Profile { get; set; }

    [Id(2)] public DateTimeOffset? UpdatedAt { get; set; }
}
