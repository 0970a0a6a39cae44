namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// The key of a tenant's <see cref="ITenantSearchGrain"/>: the tenant id behind a fixed prefix.
/// </summary>
/// <remarks>
/// ADO.NET grain storage stores a string key that parses as a hex number or a GUID as that number or GUID, so the bare
/// ids "ab", "AB" and "0ab" (or "1" and "01") would share one state row. The prefix makes every key a plain string,
/// so each tenant id gets its own row.
/// </remarks>
public static class TenantGrainKey
{
    /// <summary>The prefix in front of the tenant id.</summary>
    public const string Prefix = "tenant:";

    /// <summary>Returns the grain key of <paramref name="tenantId"/>.</summary>
    public static string For(string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return Prefix + tenantId;
    }

    /// <summary>Returns the tenant id inside a grain key made by <see cref="For"/>.</summary>
    /// <exception cref="ArgumentException">The key was not made by <see cref="For"/>.</exception>
    public static string TenantIdOf(string grainKey)
        => grainKey.StartsWith(Prefix, StringComparison.Ordinal) && grainKey.Length > Prefix.Length
            ? grainKey[Prefix.Length..]
            : throw new ArgumentException($"'{grainKey}' is not a tenant grain key; get the grain with GetTenantSearchGrain(tenantId).", nameof(grainKey));

    /// <summary>Returns the search grain of <paramref name="tenantId"/>.</summary>
    public static ITenantSearchGrain GetTenantSearchGrain(this IGrainFactory grains, string tenantId)
        => grains.GetGrain<ITenantSearchGrain>(For(tenantId));
}
