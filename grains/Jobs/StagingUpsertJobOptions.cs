namespace IcpSearch.Grains.Jobs;

/// <summary>
/// How staging upsert jobs are scheduled and paced.
/// </summary>
public sealed class StagingUpsertJobOptions
{
    /// <summary>Gets or sets the rows per batch (<c>STAGING_BATCH_SIZE</c>), 1 to 10,000. Default: 500.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Gets or sets the most rows one turn of a job processes (<c>UPSERT_MAX_PER_JOB</c>). Inside the window the job
    /// then yields and continues after <see cref="YieldDelay"/>; a run started outside it waits for the next window. Default: 2,000.
    /// </summary>
    public int MaxRowsPerRun { get; set; } = 2000;

    /// <summary>Gets or sets the local time of the nightly window, HH:mm or HH:mm:ss (<c>JOBS_NIGHTLY_AT</c>). Default: "02:00".</summary>
    public string NightlyAt { get; set; } = "02:00";

    /// <summary>
    /// Gets or sets the length of the nightly window from <see cref="NightlyAt"/> (<c>JOBS_WINDOW</c>, e.g. 04:00),
    /// 1 minute to 24 hours. Runs started in it go on to completion (yielding at <see cref="MaxRowsPerRun"/>) and stop
    /// between batches when it ends. Default: 4 hours.
    /// </summary>
    public TimeSpan Window { get; set; } = NightlyWindow.DefaultLength;

    /// <summary>Gets or sets the IANA time zone of <see cref="NightlyAt"/> (<c>JOBS_TIME_ZONE</c>). Default: "UTC".</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Gets or sets whether new jobs start at once instead of waiting for the window (<c>JOBS_RUN_IMMEDIATELY</c>); for development and demos. Default: false.</summary>
    public bool RunImmediately { get; set; }

    /// <summary>Gets or sets the most open (queued or running) jobs one tenant may have (<c>JOBS_MAX_OPEN_PER_TENANT</c>), 1 to 100,000; reusing an open job for the same work is always allowed. Default: 200.</summary>
    public int MaxOpenPerTenant { get; set; } = 200;

    /// <summary>
    /// Gets or sets the most rows one tenant's jobs together process in one nightly window
    /// (<c>JOBS_MAX_ROWS_PER_TENANT_PER_WINDOW</c>), 1 to 2,147,483,647; at the cap the tenant's running jobs stop
    /// between batches and continue in the next window. Counted in the database, so it holds across silos; runs outside
    /// any window (an operator's run-now) are not counted. Default: null (no cap).
    /// </summary>
    public int? MaxRowsPerTenantPerWindow { get; set; }

    /// <summary>Gets or sets how many times a failed batch is retried before the job ends in error. Default: 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets how many times a run retries a transition (requeue, done, error) it could not save before it gives up on this activation. Default: 5.</summary>
    public int MaxTransitionRetries { get; set; } = 5;

    /// <summary>Gets or sets the first retry delay; each further retry doubles it, up to <see cref="RetryMaxDelay"/>, and a random part of up to half is taken off. Default: 2 seconds.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the longest retry delay. Default: 5 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the reminder period while a run is in progress, so another silo resumes a run whose silo died. Default: 1 minute (the Orleans minimum).</summary>
    public TimeSpan RecoveryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets the reminder period of a queued job. Reminders never replay a tick missed while no silo was up,
    /// so a window that passed unseen starts its run at the next tick. Default: 15 minutes.
    /// </summary>
    public TimeSpan QueuedCheckPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets or sets how many days finished jobs (done, error, cancelled) and their batches are kept (<c>JOB_RETENTION_DAYS</c>), 1 to 3,650. Default: 30.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Gets or sets how often each silo prunes finished jobs past <see cref="RetentionDays"/>. Default: 1 hour.</summary>
    public TimeSpan PrunePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the most jobs that run at once on one silo (<c>JOBS_MAX_CONCURRENT_PER_SILO</c>), 1 to 1,000; waiting jobs take turns round-robin by tenant. Default: the processor count.</summary>
    public int MaxConcurrentPerSilo { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets how often a job waiting for a turn asks again (an in-memory check on its silo), besides being woken when a turn frees. Default: 250 ms.</summary>
    public TimeSpan TurnPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets or sets how long a job that yielded at <see cref="MaxRowsPerRun"/> waits before its next turn in the same window, so other jobs get theirs. Default: 1 minute.</summary>
    public TimeSpan YieldDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the pause between batches of one run, letting other grain calls through. Default: zero.</summary>
    public TimeSpan BatchPause { get; set; } = TimeSpan.Zero;

    /// <summary>Returns the delay before batch retry <paramref name="attempt"/> (1-based), or null when retries are used up.</summary>
    public TimeSpan? RetryDelay(int attempt)
        => attempt > MaxRetries ? null : Backoff(attempt, Random.Shared.NextDouble());

    /// <summary>Returns the delay before transition retry <paramref name="attempt"/> (1-based), or null when retries are used up.</summary>
    public TimeSpan? TransitionRetryDelay(int attempt)
        => attempt > MaxTransitionRetries ? null : Backoff(attempt, Random.Shared.NextDouble());

    /// <summary>
    /// Returns the exponential delay before attempt <paramref name="attempt"/> (1-based), capped at
    /// <see cref="RetryMaxDelay"/>, less <paramref name="jitter"/> (0 to 1) times half of it ("equal jitter").
    /// </summary>
    public TimeSpan Backoff(int attempt, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1);
        // Retries of many jobs failing together (the database went away) spread out instead of arriving in step.
        var exponential = RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var full = Math.Min(exponential, RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full - (full / 2 * jitter));
    }
}
