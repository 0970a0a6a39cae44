namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The <c>background_jobs</c> rows of re-scoring jobs (job type <c>rescore</c>), which are their grains' state, and
/// the tenant's <c>lead_scores</c> they walk.
/// </summary>
public interface IRescoreJobStore
{
    /// <summary>Creates the running job's row, unless the tenant already has an open re-scoring job.</summary>
    /// <returns>The row's version, or null when another open re-scoring job exists and nothing was created.</returns>
    Task<long?> CreateAsync(long jobId, RescoreJobState state, CancellationToken cancellationToken = default);

    /// <summary>Returns the id of the tenant's open (queued or running) re-scoring job, or null.</summary>
    Task<long?> FindOpenAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Returns the job's row as grain state, or null when there is no re-scoring job with this id.</summary>
    Task<StoredRescoreJob?> ReadAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the job's state if the row is still at <paramref name="expectedVersion"/>, together with the batch's
    /// scores (stamped with <see cref="RescoreJobState.PassStartedAt"/> as their <c>scored_at</c>) and its
    /// <c>job_batches</c> row when there is one, in one transaction.
    /// </summary>
    /// <returns>The row's new version, or null when the row has moved on (or is gone) and nothing was written.</returns>
    Task<long?> WriteAsync(long jobId, RescoreJobState state, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Returns the number of the tenant's lead scores.</summary>
    Task<long> CountScoresAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns up to <paramref name="limit"/> of the tenant's lead scores after <paramref name="afterCompanyId"/>, in
    /// company id order, with their facts; with <paramref name="notScoredAt"/>, only those whose <c>scored_at</c> differs from it.
    /// </summary>
    Task<IReadOnlyList<RescoreRow>> ReadScoresAsync(string tenantId, long? afterCompanyId, int limit, DateTimeOffset? notScoredAt, CancellationToken cancellationToken = default);
}
