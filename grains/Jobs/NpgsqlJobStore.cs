using System.Globalization;
using System.Text.Json;
using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// <see cref="IJobStore"/> over <c>background_jobs</c> and <c>job_batches</c>, composing
/// <see cref="NpgsqlCompanyStore"/> so that a batch's rows and the job's progress commit in one transaction.
/// </summary>
public sealed class NpgsqlJobStore(NpgsqlDataSource dataSource, NpgsqlCompanyStore companies) : IJobStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string JobColumns = """
        job_id, tenant_id, job_type, status, processed, total, batches, cursor_uen, created_at, params,
        error, error_code, started_at, ended_at, next_run_at
        """;

    private const string StateColumns = """
        status, processed, batches, cursor_uen, created_at, params, error, error_code, started_at, ended_at,
        next_run_at, run_started_at, run_processed, failed_attempts, version, run_ends_at
        """;

    /// <inheritdoc />
    public async Task<long> NextJobIdAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT nextval(pg_get_serial_sequence('background_jobs', 'job_id'))");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<long?> FindOpenAsync(string jobType, StagingUpsertJobSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        const string sql = """
            SELECT job_id FROM background_jobs
            WHERE tenant_id = @tenant_id AND job_type = @job_type AND params_key = @params_key AND status IN ('queued', 'running')
            LIMIT 1
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("tenant_id", spec.TenantId);
        command.Parameters.AddWithValue("job_type", jobType);
        command.Parameters.AddWithValue("params_key", WorkKey(spec));
        return await command.ExecuteScalarAsync(cancellationToken) is long jobId ? jobId : null;
    }

    /// <inheritdoc />
    public async Task<long?> CreateOrReuseAsync(NewJob job, int maxOpenPerTenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOpenPerTenant, 1);

        // One tenant's creations take turns (a transaction-scoped advisory lock on the tenant), so the count of open
        // jobs cannot go stale between the check and the insert: concurrent creates never pass the cap. Each
        // statement reads a fresh snapshot (READ COMMITTED), so the second sees the first's committed row.
        const string lockTenant = "SELECT pg_advisory_xact_lock(hashtextextended('icpsearch.open-jobs:' || @tenant_id, 0))";
        const string sql = """
            WITH existing AS (
                SELECT job_id FROM background_jobs
                WHERE tenant_id = @tenant_id AND job_type = @job_type AND params_key = @params_key
                  AND status IN ('queued', 'running')
            ), created AS (
                INSERT INTO background_jobs (job_id, tenant_id, job_type, status, params, params_key, total, next_run_at)
                SELECT @job_id, @tenant_id, @job_type, 'queued', @params, @params_key, @total, @next_run_at
                WHERE NOT EXISTS (SELECT 1 FROM existing)
                  AND (SELECT count(*) FROM background_jobs WHERE tenant_id = @tenant_id AND status IN ('queued', 'running')) < @max_open
                ON CONFLICT DO NOTHING
                RETURNING job_id
            )
            SELECT job_id FROM created
            UNION ALL
            SELECT job_id FROM existing
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(lockTenant, connection, transaction))
        {
            command.Parameters.AddWithValue("tenant_id", job.Spec.TenantId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        long? result = null;
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            command.Parameters.AddWithValue("job_id", job.JobId);
            command.Parameters.AddWithValue("tenant_id", job.Spec.TenantId);
            command.Parameters.AddWithValue("job_type", job.JobType);
            command.Parameters.AddWithValue("params", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(job.Spec, Json));
            command.Parameters.AddWithValue("params_key", WorkKey(job.Spec));
            command.Parameters.AddWithValue("total", job.Spec.Total);
            command.Parameters.AddWithValue("next_run_at", job.NextRunAt);
            command.Parameters.AddWithValue("max_open", (long)maxOpenPerTenant);
            if (await command.ExecuteScalarAsync(cancellationToken) is long id)
            {
                result = id;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <inheritdoc />
    public async Task<StoredJob?> ReadAsync(long jobId, CancellationToken cancellationToken = default)
    {
        // Staging upsert rows only: another job type's row (a re-score) is not this grain's state.
        await using var command = dataSource.CreateCommand($"SELECT {StateColumns} FROM background_jobs WHERE job_id = @job_id AND job_type = 'staging_upsert'");
        command.Parameters.AddWithValue("job_id", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var state = new StagingUpsertJobState
        {
            Status = ParseStatus(reader.GetString(0)),
            Processed = reader.GetInt64(1),
            Batches = reader.GetInt32(2),
            CursorUen = reader.IsDBNull(3) ? null : reader.GetString(3),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(4),
            Spec = JsonSerializer.Deserialize<StagingUpsertJobSpec>(reader.GetString(5), Json)
                ?? throw new InvalidOperationException($"Job {jobId} has no parameters."),
            Error = reader.IsDBNull(6) ? null : reader.GetString(6),
            ErrorCode = reader.IsDBNull(7) ? null : reader.GetString(7),
            StartedAt = NullableTime(reader, 8),
            EndedAt = NullableTime(reader, 9),
            NextRunAt = NullableTime(reader, 10),
            RunStartedAt = NullableTime(reader, 11),
            RunProcessed = reader.GetInt64(12),
            FailedAttempts = reader.GetInt32(13),
            RunEndsAt = NullableTime(reader, 15),
        };
        return new StoredJob(state, reader.GetInt64(14));
    }

    /// <inheritdoc />
    public async Task<long?> WriteAsync(long jobId, StagingUpsertJobState state, long expectedVersion, JobBatchWrite? batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        const string update = """
            UPDATE background_jobs
            SET status = @status, processed = @processed, batches = @batches, cursor_uen = @cursor_uen,
                started_at = @started_at, run_started_at = @run_started_at, run_processed = @run_processed,
                ended_at = @ended_at, next_run_at = @next_run_at, error = @error, error_code = @error_code,
                failed_attempts = @failed_attempts, run_ends_at = @run_ends_at, version = version + 1, updated_at = now()
            WHERE job_id = @job_id AND version = @version
            RETURNING version
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = batch is null ? null : await connection.BeginTransactionAsync(cancellationToken);
        await using var commands = new NpgsqlBatch(connection, transaction);
        var write = new NpgsqlBatchCommand(update);
        AddStateParameters(write.Parameters, jobId, state, expectedVersion);
        commands.BatchCommands.Add(write);
        NpgsqlBatchCommand? quotaCommand = null;
        if (batch is not null)
        {
            commands.BatchCommands.Add(JobBatchCommit.Asynchronous());
            // In the same round trip as the conditional update; should the update find the row moved on, the
            // transaction is rolled back and the rows go with it.
            if (batch.Companies.Companies.Count > 0)
            {
                commands.BatchCommands.Add(companies.CreateSaveCommand(batch.Companies, jobId));
            }

            var history = new NpgsqlBatchCommand("""
                INSERT INTO job_batches (job_id, batch_no, tenant_id, rows, duration_ms)
                VALUES (@job_id, @batch_no, @tenant_id, @rows, extract(epoch FROM clock_timestamp() - @started_at) * 1000)
                """);
            history.Parameters.AddWithValue("job_id", jobId);
            history.Parameters.AddWithValue("batch_no", batch.BatchNo);
            history.Parameters.AddWithValue("tenant_id", batch.Companies.TenantId);
            history.Parameters.AddWithValue("rows", batch.Companies.Companies.Count);
            history.Parameters.AddWithValue("started_at", batch.StartedAt);
            commands.BatchCommands.Add(history);

            if (batch.Quota is { } quota)
            {
                // Last, so the tenant's counter row stays locked only until the commit: concurrent batches of the tenant's
                // other jobs (on any silo) wait here, and the second finds the rows the first added.
                quotaCommand = new NpgsqlBatchCommand("""
                    INSERT INTO job_tenant_windows AS w (tenant_id, window_ends_at, rows)
                    SELECT @tenant_id, @window_ends_at, @rows WHERE @rows <= @max_rows
                    ON CONFLICT (tenant_id, window_ends_at) DO UPDATE SET rows = w.rows + excluded.rows
                    WHERE w.rows + excluded.rows <= @max_rows
                    """);
                quotaCommand.Parameters.AddWithValue("tenant_id", quota.TenantId);
                quotaCommand.Parameters.AddWithValue("window_ends_at", quota.WindowEndsAt);
                quotaCommand.Parameters.AddWithValue("rows", (long)batch.Companies.Companies.Count);
                quotaCommand.Parameters.AddWithValue("max_rows", quota.MaxRows);
                commands.BatchCommands.Add(quotaCommand);
            }
        }

        long? version = null;
        await using (var reader = await commands.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                version = reader.GetInt64(0);
            }

            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        // The counter's statement touches no row when the batch would take the tenant past the cap.
        var withinQuota = quotaCommand is null || quotaCommand.RecordsAffected == 1;

        if (transaction is not null)
        {
            if (version is null || !withinQuota)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        if (version is not null && !withinQuota)
        {
            throw new TenantWindowQuotaExceededException(
                $"Job {jobId}'s batch would take tenant {batch!.Quota!.TenantId} past {batch.Quota.MaxRows} rows in the window ending {batch.Quota.WindowEndsAt:o}.");
        }

        return version;
    }

    /// <inheritdoc />
    public async Task<Page<JobSnapshot>> ListAsync(JobsQueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Limit, PageLimits.Max);
        var sql = $"""
            SELECT {JobColumns}
            FROM background_jobs
            WHERE tenant_id = @tenant_id AND job_id < @after AND (@status::text IS NULL OR status = @status::text)
            ORDER BY job_id DESC
            LIMIT @limit
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("tenant_id", request.TenantId);
        command.Parameters.AddWithValue("after", request.AfterJobId ?? long.MaxValue);
        command.Parameters.AddWithValue("limit", request.Limit + 1);
        command.Parameters.Add(new NpgsqlParameter<string?>("status", request.Status?.ToWire()) { NpgsqlDbType = NpgsqlDbType.Text });

        var rows = new List<JobSnapshot>(request.Limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new JobSnapshot(
                JobId: reader.GetInt64(0),
                JobType: reader.GetString(2),
                TenantId: reader.GetString(1),
                Status: ParseStatus(reader.GetString(3)),
                Processed: reader.GetInt64(4),
                Total: reader.GetInt64(5),
                Batches: reader.GetInt32(6),
                Error: reader.IsDBNull(10) ? null : reader.GetString(10),
                ErrorCode: reader.IsDBNull(11) ? null : reader.GetString(11),
                CreatedAt: reader.GetFieldValue<DateTimeOffset>(8),
                StartedAt: reader.IsDBNull(12) ? null : reader.GetFieldValue<DateTimeOffset>(12),
                EndedAt: reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
                NextRunAt: reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
                Terms: JsonSerializer.Deserialize<StagingUpsertJobSpec>(reader.GetString(9), Json)?.Terms ?? [],
                Silo: null));
        }

        var hasMore = rows.Count > request.Limit;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<JobSnapshot>(rows, hasMore ? rows[^1].JobId.ToString(CultureInfo.InvariantCulture) : null);
    }

    /// <inheritdoc />
    public async Task<long> ReadTenantWindowRowsAsync(string tenantId, DateTimeOffset windowEndsAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT rows FROM job_tenant_windows WHERE tenant_id = @tenant_id AND window_ends_at = @window_ends_at");
        command.Parameters.AddWithValue("tenant_id", tenantId);
        command.Parameters.AddWithValue("window_ends_at", windowEndsAt);
        return await command.ExecuteScalarAsync(cancellationToken) is long rows ? rows : 0;
    }

    /// <inheritdoc />
    public async Task<int> PruneAsync(DateTimeOffset endedBefore, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        // Batches go with their job (ON DELETE CASCADE); open jobs are never pruned, however old.
        await using var command = dataSource.CreateCommand("""
            DELETE FROM background_jobs
            WHERE job_id IN (
                SELECT job_id FROM background_jobs
                WHERE status IN ('done', 'error', 'cancelled') AND ended_at < @ended_before
                ORDER BY ended_at
                LIMIT @limit)
            """);
        command.Parameters.AddWithValue("ended_before", endedBefore);
        command.Parameters.AddWithValue("limit", limit);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);

        await using var windows = dataSource.CreateCommand("DELETE FROM job_tenant_windows WHERE window_ends_at < @ended_before");
        windows.Parameters.AddWithValue("ended_before", endedBefore);
        await windows.ExecuteNonQueryAsync(cancellationToken);
        return deleted;
    }

    /// <summary>Returns the key under which open jobs are shared: the same terms over the same rows, less the same handled rows.</summary>
    /// <remarks>Terms are part of it so that two requests whose terms match nothing do not share one empty job.</remarks>
    public static string WorkKey(StagingUpsertJobSpec spec)
        => MatchSpecKey.Compute(spec.Match, spec.SkipUens) + ":" + MatchSpecKey.Compute(new MatchSpec(spec.Terms));

    private static JobStatus ParseStatus(string text) => text switch
    {
        "queued" => JobStatus.Queued,
        "running" => JobStatus.Running,
        "done" => JobStatus.Done,
        "error" => JobStatus.Error,
        "cancelled" => JobStatus.Cancelled,
        _ => throw new InvalidOperationException($"Unknown job status '{text}'."),
    };

    private static void AddStateParameters(NpgsqlParameterCollection p, long jobId, StagingUpsertJobState s, long expectedVersion)
    {
        p.AddWithValue("job_id", jobId);
        p.AddWithValue("version", expectedVersion);
        p.AddWithValue("status", s.Status.ToWire());
        p.AddWithValue("processed", s.Processed);
        p.AddWithValue("batches", s.Batches);
        p.Add(new NpgsqlParameter<string?>("cursor_uen", s.CursorUen) { NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(NullableTime("started_at", s.StartedAt));
        p.Add(NullableTime("run_started_at", s.RunStartedAt));
        p.AddWithValue("run_processed", s.RunProcessed);
        p.Add(NullableTime("ended_at", s.EndedAt));
        p.Add(NullableTime("next_run_at", s.NextRunAt));
        p.Add(new NpgsqlParameter<string?>("error", s.Error) { NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<string?>("error_code", s.ErrorCode) { NpgsqlDbType = NpgsqlDbType.Text });
        p.AddWithValue("failed_attempts", s.FailedAttempts);
        p.Add(NullableTime("run_ends_at", s.RunEndsAt));
    }

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static NpgsqlParameter<DateTimeOffset?> NullableTime(string name, DateTimeOffset? value)
        => new(name, value) { NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
