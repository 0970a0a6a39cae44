namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// A staging upsert job: processes the matches of a search in capped batches in the nightly window. Keyed by job id (a row of <c>background_jobs</c>).
/// </summary>
[Alias("IcpSearch.IStagingUpsertJobGrain")]
public interface IStagingUpsertJobGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Creates the job's row under this grain's id and arms its nightly reminder, or returns the tenant's open job
    /// that already covers the same work (its id then differs from this grain's); calling it again changes nothing.
    /// </summary>
    /// <param name="spec">What the job processes.</param>
    /// <exception cref="OpenJobsLimitException">The tenant is at its cap of open jobs.</exception>
    [Alias("ScheduleAsync")]
    Task<JobSnapshot> ScheduleAsync(StagingUpsertJobSpec spec);

    /// <summary>Returns the job's progress; answered even while a batch runs.</summary>
    /// <exception cref="JobNotFoundException">No job has this id.</exception>
    [ReadOnly, AlwaysInterleave, Alias("GetStatusAsync")]
    Task<JobSnapshot> GetStatusAsync();

    /// <summary>Starts a run of a queued job now, capped like a nightly run.</summary>
    /// <exception cref="JobNotFoundException">No job has this id.</exception>
    /// <exception cref="JobStateException">The job is not queued.</exception>
    [Alias("RunNowAsync")]
    Task<JobSnapshot> RunNowAsync();

    /// <summary>Cancels the job before its next batch; rows already written stay.</summary>
    /// <remarks>
    /// Deliberately not interleaved: the cancel waits for a batch in flight to commit, so the batch never sees (or
    /// publishes) a cancellation whose save may still fail.
    /// </remarks>
    /// <exception cref="JobNotFoundException">No job has this id.</exception>
    /// <exception cref="JobStateException">The job has already ended.</exception>
    [Alias("CancelAsync")]
    Task<JobSnapshot> CancelAsync();

    /// <summary>
    /// Requeues a job that ended in error, from its committed cursor: due at once while a nightly window is open, else
    /// at the next window; its retry count starts again.
    /// </summary>
    /// <exception cref="JobNotFoundException">No job has this id.</exception>
    /// <exception cref="JobStateException">The job is not in error, or another open job of the tenant holds the same work.</exception>
    [Alias("RetryAsync")]
    Task<JobSnapshot> RetryAsync();
}
