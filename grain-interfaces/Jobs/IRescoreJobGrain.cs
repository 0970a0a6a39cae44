namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// A re-scoring job: scores every existing lead score of a tenant again under the tenant's ICP profile, at once (not
/// in the nightly window), in capped batches. Keyed by job id (a row of <c>background_jobs</c>, job type <c>rescore</c>).
/// </summary>
/// <remarks>A tenant has at most one open re-scoring job; a newer profile restarts it rather than queuing another.</remarks>
[Alias("IcpSearch.IRescoreJobGrain")]
public interface IRescoreJobGrain : IGrainWithIntegerKey
{
    /// <summary>Creates the job's row under this grain's id and starts it.</summary>
    /// <param name="spec">The tenant and the profile to score under.</param>
    /// <returns>The job, or null when the tenant already has an open re-scoring job (restart that one instead).</returns>
    [Alias("StartAsync")]
    Task<JobSnapshot?> StartAsync(RescoreJobSpec spec);

    /// <summary>
    /// Starts the open job over from the first score under a newer profile, between batches; scores already written
    /// are written again under it.
    /// </summary>
    /// <returns>The job, or null when it has already ended (start a new one instead).</returns>
    [Alias("RestartAsync")]
    Task<JobSnapshot?> RestartAsync(RescoreJobSpec spec);

    /// <summary>Returns the job's progress; answered even while a batch runs.</summary>
    /// <exception cref="JobNotFoundException">No re-scoring job has this id.</exception>
    [ReadOnly, AlwaysInterleave, Alias("GetStatusAsync")]
    Task<JobSnapshot> GetStatusAsync();

    /// <summary>Starts a queued job now (a re-scoring job normally starts by itself).</summary>
    /// <exception cref="JobNotFoundException">No re-scoring job has this id.</exception>
    /// <exception cref="JobStateException">The job is not queued.</exception>
    [Alias("RunNowAsync")]
    Task<JobSnapshot> RunNowAsync();

    /// <summary>Cancels the job before its next batch; scores already re-scored stay.</summary>
    /// <exception cref="JobNotFoundException">No re-scoring job has this id.</exception>
    /// <exception cref="JobStateException">The job has already ended.</exception>
    [Alias("CancelAsync")]
    Task<JobSnapshot> CancelAsync();

    /// <summary>
    /// Runs a job that ended in error again at once: from its committed cursor, or from the first score under the
    /// tenant's current profile when that has changed since.
    /// </summary>
    /// <exception cref="JobNotFoundException">No re-scoring job has this id.</exception>
    /// <exception cref="JobStateException">The job is not in error, or the tenant has another open re-scoring job.</exception>
    [Alias("RetryAsync")]
    Task<JobSnapshot> RetryAsync();
}
