using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// Rejects job settings that cannot work, naming the environment variable to fix.
/// </summary>
public sealed class StagingUpsertJobOptionsValidator : IValidateOptions<StagingUpsertJobOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StagingUpsertJobOptions options)
    {
        var failures = new List<string>();
        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"STAGING_BATCH_SIZE must be between 1 and 10000 (got {options.BatchSize}).");
        }

        if (options.MaxRowsPerRun < 1)
        {
            failures.Add($"UPSERT_MAX_PER_JOB must be at least 1 (got {options.MaxRowsPerRun}).");
        }

        if (!NightlyWindow.TryParseTime(options.NightlyAt, out _))
        {
            failures.Add($"JOBS_NIGHTLY_AT must be a 24-hour time HH:mm such as 02:00 (got '{options.NightlyAt}').");
        }

        if (!NightlyWindow.TryFindTimeZone(options.TimeZone, out _))
        {
            failures.Add($"JOBS_TIME_ZONE must be an IANA time zone such as Asia/Singapore or UTC (got '{options.TimeZone}').");
        }

        if (options.MaxRetries is < 0 or > 20)
        {
            failures.Add($"StagingUpsertJobOptions:MaxRetries must be between 0 and 20 (got {options.MaxRetries}).");
        }

        if (options.MaxOpenPerTenant is < 1 or > 100_000)
        {
            failures.Add($"JOBS_MAX_OPEN_PER_TENANT must be between 1 and 100000 (got {options.MaxOpenPerTenant}).");
        }

        if (options.MaxRowsPerTenantPerWindow is < 1)
        {
            failures.Add($"JOBS_MAX_ROWS_PER_TENANT_PER_WINDOW must be at least 1 when set (got {options.MaxRowsPerTenantPerWindow}); leave it unset for no cap.");
        }

        if (options.MaxTransitionRetries is < 0 or > 20)
        {
            failures.Add($"StagingUpsertJobOptions:MaxTransitionRetries must be between 0 and 20 (got {options.MaxTransitionRetries}).");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.BatchPause < TimeSpan.Zero)
        {
            failures.Add("StagingUpsertJobOptions:RetryBaseDelay and BatchPause must not be negative.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("StagingUpsertJobOptions:RetryMaxDelay must not be shorter than RetryBaseDelay.");
        }

        if (options.Window < TimeSpan.FromMinutes(1) || options.Window > TimeSpan.FromDays(1))
        {
            failures.Add($"JOBS_WINDOW must be a length from 00:01 to 1.00:00 (a day) such as 04:00 (got {options.Window}).");
        }

        if (options.RetentionDays is < 1 or > 3650)
        {
            failures.Add($"JOB_RETENTION_DAYS must be between 1 and 3650 (got {options.RetentionDays}).");
        }

        if (options.PrunePeriod < TimeSpan.FromSeconds(1))
        {
            failures.Add("StagingUpsertJobOptions:PrunePeriod must be at least one second.");
        }

        if (options.MaxConcurrentPerSilo is < 1 or > 1000)
        {
            failures.Add($"JOBS_MAX_CONCURRENT_PER_SILO must be between 1 and 1000 (got {options.MaxConcurrentPerSilo}).");
        }

        if (options.TurnPollInterval < TimeSpan.FromMilliseconds(10))
        {
            failures.Add("StagingUpsertJobOptions:TurnPollInterval must be at least 10 ms.");
        }

        if (options.YieldDelay < TimeSpan.Zero)
        {
            failures.Add("StagingUpsertJobOptions:YieldDelay must not be negative.");
        }

        if (options.RecoveryPeriod < TimeSpan.FromSeconds(1) || options.QueuedCheckPeriod < TimeSpan.FromSeconds(1))
        {
            failures.Add("StagingUpsertJobOptions:RecoveryPeriod and QueuedCheckPeriod must be at least one second.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
