namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// A tenant's industry searches and ICP profile. Keyed by <see cref="TenantGrainKey.For"/>: get it with <see cref="TenantGrainKey.GetTenantSearchGrain"/>.
/// </summary>
[Alias("IcpSearch.ITenantSearchGrain")]
public interface ITenantSearchGrain : IGrainWithStringKey
{
    /// <summary>Searches the registry: upserts, enriches and scores the first matches now and schedules the rest.</summary>
    /// <param name="request">The message or explicit terms.</param>
    /// <returns>The extracted terms, the companies handled now, counts, the job and a notice.</returns>
    /// <remarks>Searches of one tenant run concurrently; identical ones still share a single job.</remarks>
    [AlwaysInterleave, Alias("SearchAsync")]
    Task<SearchResult> SearchAsync(SearchRequest request);

    /// <summary>Schedules every match of <paramref name="terms"/> as a staging upsert job, touching nothing now.</summary>
    /// <param name="terms">The industry terms, used as given (trimmed and lower-cased).</param>
    /// <returns>The job id and whether an open job for the same work was reused.</returns>
    [AlwaysInterleave, Alias("EnqueueStagingUpsertAsync")]
    Task<EnqueueResult> EnqueueStagingUpsertAsync(IReadOnlyList<string> terms);

    /// <summary>Returns the tenant's ICP profile.</summary>
    [ReadOnly, AlwaysInterleave, Alias("GetIcpProfileAsync")]
    Task<IcpProfile> GetIcpProfileAsync();

    /// <summary>
    /// Validates and stores the tenant's ICP profile, then starts the tenant's re-scoring job under it (or restarts
    /// the open one, see <see cref="Jobs.IRescoreJobGrain"/>).
    /// </summary>
    /// <param name="profile">The new profile.</param>
    /// <returns>The stored profile, normalised.</returns>
    [Alias("SetIcpProfileAsync")]
    Task<IcpProfile> SetIcpProfileAsync(IcpProfile profile);

    /// <summary>Stores what a search understood as the tenant's ICP profile, keeping the current weights ("Save as my ICP").</summary>
    /// <param name="understood">The <c>understood</c> of a search's answer.</param>
    /// <returns>The stored profile, normalised, and the understood constraints a profile cannot hold.</returns>
    [Alias("SaveUnderstoodAsIcpAsync")]
    Task<UnderstoodIcp> SaveUnderstoodAsIcpAsync(SearchUnderstanding understood);
}
