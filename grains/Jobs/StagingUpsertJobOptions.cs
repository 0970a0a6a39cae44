namespace IcpSearch.Grains.Jobs;

/// <summary>
/// How staging upsert jobs are scheduled and paced.
/// </summary>
public sealed class StagingUpsertJobOptions
{
    /// <summary>Gets or sets the rows per batch (<c>STAGING_BATCH_SIZE</c>), 1 to 10,000. Default: 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Gets or sets the most rows one run processes (<c>UPSERT_MAX_PER_JOB</c>); the rest waits for the next window. Default: 2,000.</summary>
    public int MaxRowsPerRun { get; set; } = 2000;

    /// <summary>Gets or sets the local time of the nightly window, HH:mm or HH:mm:ss (<c>JOBS_NIGHTLY_AT</c>). Default: "02:00".</summary>
    public string NightlyAt { get; set; } = "02:00";

    /// <summary>Gets or sets the IANA time zone of <see cref="NightlyAt"/> (<c>JOBS_TIME_ZONE</c>). Default: "UTC".</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Gets or sets whether new jobs start at once instead of waiting for the window (<c>JOBS_RUN_IMMEDIATELY</c>); for development and demos. Default: false.</summary>
    public bool RunImmediately { get; set; }

    /// <summary>Gets or sets how many times a failed batch is retried before the job ends in error. Default: 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the first retry delay; each further retry doubles it. Default: 2 seconds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the reminder period while a run is in progress, so another silo resumes a run whose silo died. Default: 1 minute (the Orleans minimum).</summary>
    public TimeSpan RecoveryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the pause between batches of one run, letting other grain calls through. Default: zero.</summary>
    public TimeSpan BatchPause { get; set; } = TimeSpan.Zero;

    /// <summary>Returns the retry delay before attempt <paramref name="attempt"/> (1-based), or null when retries are used up.</summary>
    public TimeSpan? RetryDelay(int attempt)
        => attempt > MaxRetries ? null : RetryBaseDelay * Math.Pow(2, attempt - 1);
}
