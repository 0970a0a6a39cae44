namespace IcpSearch.Grains.Jobs;

/// <summary>
/// Settings of the re-scoring job; its retries and recovery reminder follow <see cref="StagingUpsertJobOptions"/>
/// (<c>MaxRetries</c>, <c>RetryBaseDelay</c>, <c>RetryMaxDelay</c>, <c>RecoveryPeriod</c>).
/// </summary>
public sealed class RescoreJobOptions
{
    /// <summary>Gets or sets the scores re-scored and committed per batch (<c>RESCORE_BATCH_SIZE</c>), 100 to 50,000. Default: 5,000.</summary>
    public int BatchSize { get; set; } = 5000;
}
