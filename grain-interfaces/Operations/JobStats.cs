namespace IcpSearch.GrainInterfaces.Operations;

/// <summary>
/// Job and lead figures read from the database for metrics.
/// </summary>
/// <param name="JobsByStatus">Gets the number of jobs in each status (wire names).</param>
/// <param name="QueueDepthRows">Gets the rows still to process across queued and running jobs.</param>
/// <param name="RowsProcessedTotal">Gets the rows processed by all jobs ever.</param>
/// <param name="LeadScoresTotal">Gets the number of lead score rows.</param>
/// <param name="JobsDone">Gets the number of jobs that finished.</param>
/// <param name="RowsPerMinute">Gets the average rows processed per minute over the window.</param>
/// <param name="JobDurationP95Ms">Gets the 95th percentile of job run time over the window, or null with no finished job.</param>
/// <param name="RowsPerMinuteSeries">Gets rows processed per minute, oldest first, one point per minute of the window.</param>
/// <param name="NewBatches">Gets batches finished after the caller's batch cursor, oldest first (for histograms).</param>
/// <param name="NewFinishedJobs">Gets jobs that ended after the caller's job cursor, oldest first (for histograms).</param>
/// <param name="BatchCursor">Gets the cursor to pass next time for <see cref="NewBatches"/>.</param>
/// <param name="JobCursor">Gets the cursor to pass next time for <see cref="NewFinishedJobs"/>.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.JobStats")]
public sealed record JobStats(
    IReadOnlyDictionary<string, long> JobsByStatus,
    long QueueDepthRows,
    long RowsProcessedTotal,
    long LeadScoresTotal,
    long JobsDone,
    double RowsPerMinute,
    double? JobDurationP95Ms,
    IReadOnlyList<SeriesPoint> RowsPerMinuteSeries,
    IReadOnlyList<DurationSample> NewBatches,
    IReadOnlyList<DurationSample> NewFinishedJobs,
    DateTimeOffset BatchCursor,
    DateTimeOffset JobCursor);
