using System.Text.Json;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Pipeline;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// <see cref="IRescoreJobStore"/> over <c>background_jobs</c>, <c>job_batches</c>, <c>lead_scores</c> and
/// <c>companies</c>: a batch's new scores, its history row and the job's cursor and progress commit in one transaction.
/// </summary>
public sealed class NpgsqlRescoreJobStore(NpgsqlDataSource dataSource) : IRescoreJobStore
{
    /// <summary>The job type stored in <c>background_jobs.job_type</c>.</summary>
    public const string JobType = "rescore";

    // Every re-scoring job of a tenant is the same work: ux_background_jobs_open_work keeps one open per tenant.
    private const string WorkKey = "rescore";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string StateColumns = """
        status, processed, total, batches, cursor_company_id, created_at, params, error, error_code, started_at,
        ended_at, next_run_at, failed_attempts, version, run_started_at, rescore_catch_up
        """;

    /// <inheritdoc />
    public async Task<long?> CreateAsync(long jobId, RescoreJobState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Spec);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO background_jobs (job_id, tenant_id, job_type, status, params, params_key, total, processed, batches,
                                         cursor_company_id, started_at, next_run_at, created_at, run_started_at, rescore_catch_up)
            VALUES (@job_id, @tenant_id, @job_type, @status, @params, @params_key, @total, @processed, @batches,
                    @cursor_company_id, @started_at, @next_run_at, @created_at, @run_started_at, @rescore_catch_up)
            ON CONFLICT DO NOTHING
            RETURNING version
            """);
        var p = command.Parameters;
        p.AddWithValue("job_id", jobId);
        p.AddWithValue("tenant_id", state.Spec.TenantId);
        p.AddWithValue("job_type", JobType);
        p.AddWithValue("status", state.Status.ToWire());
        p.AddWithValue("params", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(state.Spec, Json));
        p.AddWithValue("params_key", WorkKey);
        p.AddWithValue("total", state.Total);
        p.AddWithValue("processed", state.Processed);
        p.AddWithValue("batches", state.Batches);
        p.Add(new NpgsqlParameter<long?>("cursor_company_id", state.CursorCompanyId) { NpgsqlDbType = NpgsqlDbType.Bigint });
        p.Add(NullableTime("started_at", state.StartedAt));
        p.Add(NullableTime("next_run_at", state.NextRunAt));
        p.AddWithValue("created_at", state.CreatedAt);
        p.Add(NullableTime("run_started_at", state.PassStartedAt));
        p.AddWithValue("rescore_catch_up", state.CatchingUp);
        return await command.ExecuteScalarAsync(cancellationToken) is long version ? version : null;
    }

    /// <inheritdoc />
    public async Task<long?> FindOpenAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT job_id FROM background_jobs
            WHERE tenant_id = @tenant_id AND job_type = @job_type AND params_key = @params_key AND status IN ('queued', 'running')
            """);
        command.Parameters.AddWithValue("tenant_id", tenantId);
        command.Parameters.AddWithValue("job_type", JobType);
        command.Parameters.AddWithValue("params_key", WorkKey);
        return await command.ExecuteScalarAsync(cancellationToken) is long jobId ? jobId : null;
    }

    /// <inheritdoc />
    public async Task<StoredRescoreJob?> ReadAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {StateColumns} FROM background_jobs WHERE job_id = @job_id AND job_type = @job_type");
        command.Parameters.AddWithValue("job_id", jobId);
        command.Parameters.AddWithValue("job_type", JobType);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var state = new RescoreJobState
        {
            Status = JobStatusExtensions.TryParseWire(reader.GetString(0), out var status) ? status : throw new InvalidOperationException($"Job {jobId} has an unknown status."),
            Processed = reader.GetInt64(1),
            Total = reader.GetInt64(2),
            Batches = reader.GetInt32(3),
            CursorCompanyId = reader.IsDBNull(4) ? null : reader.GetInt64(4),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(5),
            Spec = JsonSerializer.Deserialize<RescoreJobSpec>(reader.GetString(6), Json)
                ?? throw new InvalidOperationException($"Job {jobId} has no parameters."),
            Error = reader.IsDBNull(7) ? null : reader.GetString(7),
            ErrorCode = reader.IsDBNull(8) ? null : reader.GetString(8),
            StartedAt = NullableTime(reader, 9),
            EndedAt = NullableTime(reader, 10),
            NextRunAt = NullableTime(reader, 11),
            FailedAttempts = reader.GetInt32(12),
            PassStartedAt = NullableTime(reader, 14),
            CatchingUp = reader.GetBoolean(15),
        };
        return new StoredRescoreJob(state, reader.GetInt64(13));
    }

    /// <inheritdoc />
    public async Task<long?> WriteAsync(long jobId, RescoreJobState state, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Spec);
        const string update = """
            UPDATE background_jobs
            SET status = @status, params = @params, processed = @processed, total = @total, batches = @batches,
                cursor_company_id = @cursor_company_id, started_at = @started_at, ended_at = @ended_at,
                next_run_at = @next_run_at, error = @error, error_code = @error_code, failed_attempts = @failed_attempts,
                run_started_at = @run_started_at, rescore_catch_up = @rescore_catch_up, version = version + 1, updated_at = now()
            WHERE job_id = @job_id AND job_type = @job_type AND version = @version
            RETURNING version
            """;
        var batch = state.PendingBatch;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = batch is null ? null : await connection.BeginTransactionAsync(cancellationToken);
        await using var commands = new NpgsqlBatch(connection, transaction);
        var write = new NpgsqlBatchCommand(update);
        var p = write.Parameters;
        p.AddWithValue("job_id", jobId);
        p.AddWithValue("job_type", JobType);
        p.AddWithValue("version", expectedVersion);
        p.AddWithValue("status", state.Status.ToWire());
        p.AddWithValue("params", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(state.Spec, Json));
        p.AddWithValue("processed", state.Processed);
        p.AddWithValue("total", state.Total);
        p.AddWithValue("batches", state.Batches);
        p.Add(new NpgsqlParameter<long?>("cursor_company_id", state.CursorCompanyId) { NpgsqlDbType = NpgsqlDbType.Bigint });
        p.Add(NullableTime("started_at", state.StartedAt));
        p.Add(NullableTime("ended_at", state.EndedAt));
        p.Add(NullableTime("next_run_at", state.NextRunAt));
        p.Add(new NpgsqlParameter<string?>("error", state.Error) { NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<string?>("error_code", state.ErrorCode) { NpgsqlDbType = NpgsqlDbType.Text });
        p.AddWithValue("failed_attempts", state.FailedAttempts);
        p.Add(NullableTime("run_started_at", state.PassStartedAt));
        p.AddWithValue("rescore_catch_up", state.CatchingUp);
        commands.BatchCommands.Add(write);
        if (batch is not null)
        {
            commands.BatchCommands.Add(JobBatchCommit.Asynchronous());
            // In the same round trip as the conditional update; should the update find the row moved on, the
            // transaction is rolled back and the scores go with it. A score rewritten since it was read (scored_at
            // moved: a search or a staging job wrote it) is left for the catch-up, which finds it by its scored_at.
            var scores = new NpgsqlBatchCommand("""
                UPDATE lead_scores l
                SET score = u.score, bucket = u.bucket, rationale = u.rationale, scored_at = @stamp
                FROM unnest(@company_ids, @scores, @buckets, @rationales, @seen) AS u(company_id, score, bucket, rationale, seen)
                WHERE l.tenant_id = @tenant_id AND l.company_id = u.company_id AND l.scored_at = u.seen
                """);
            scores.Parameters.AddWithValue("tenant_id", state.Spec.TenantId);
            scores.Parameters.AddWithValue("stamp", state.PassStartedAt ?? throw new InvalidOperationException("A pass writes scores only once it has started."));
            scores.Parameters.Add(new NpgsqlParameter<long[]>("company_ids", batch.CompanyIds));
            scores.Parameters.Add(new NpgsqlParameter<short[]>("scores", batch.Scores));
            scores.Parameters.Add(new NpgsqlParameter<string[]>("buckets", batch.Buckets));
            scores.Parameters.Add(new NpgsqlParameter<string[]>("rationales", batch.Rationales));
            scores.Parameters.Add(new NpgsqlParameter<DateTime[]>("seen", batch.SeenScoredAt) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            commands.BatchCommands.Add(scores);

            var history = new NpgsqlBatchCommand("""
                INSERT INTO job_batches (job_id, batch_no, tenant_id, rows, duration_ms)
                VALUES (@job_id, @batch_no, @tenant_id, @rows, extract(epoch FROM clock_timestamp() - @started_at) * 1000)
                """);
            history.Parameters.AddWithValue("job_id", jobId);
            history.Parameters.AddWithValue("batch_no", batch.BatchNo);
            history.Parameters.AddWithValue("tenant_id", state.Spec.TenantId);
            history.Parameters.AddWithValue("rows", batch.CompanyIds.Length);
            history.Parameters.AddWithValue("started_at", batch.StartedAt);
            commands.BatchCommands.Add(history);
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

        if (transaction is not null)
        {
            if (version is null)
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            else
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return version;
    }

    /// <inheritdoc />
    public async Task<long> CountScoresAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM lead_scores WHERE tenant_id = @tenant_id");
        command.Parameters.AddWithValue("tenant_id", tenantId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RescoreRow>> ReadScoresAsync(string tenantId, long? afterCompanyId, int limit, DateTimeOffset? notScoredAt, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        // Keyset on the primary key (tenant_id, company_id): each batch is one index range, however far the walk is.
        await using var command = dataSource.CreateCommand("""
            SELECT l.company_id, c.industry_code, c.secondary_ssic_code, c.entity_status, coalesce(c.sg_registered, false),
                   c.incorporation_year, c.officers, c.entity_type, c.postal_code, l.searched_industry_grade, l.scored_at
            FROM lead_scores l
            JOIN companies c ON c.company_id = l.company_id
            WHERE l.tenant_id = @tenant_id AND l.company_id > @after AND (@not_scored_at::timestamptz IS NULL OR l.scored_at <> @not_scored_at)
            ORDER BY l.company_id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("tenant_id", tenantId);
        command.Parameters.AddWithValue("after", afterCompanyId ?? 0L);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.Add(NullableTime("not_scored_at", notScoredAt));
        var rows = new List<RescoreRow>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var facts = new ScoreFacts(
                NullableText(reader, 1), NullableText(reader, 2), NullableText(reader, 3), reader.GetBoolean(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6),
                NullableText(reader, 7), NullableText(reader, 8));
            rows.Add(new RescoreRow(reader.GetInt64(0), facts, reader.IsDBNull(9) ? null : reader.GetInt16(9), reader.GetFieldValue<DateTime>(10)));
        }

        return rows;
    }

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static NpgsqlParameter<DateTimeOffset?> NullableTime(string name, DateTimeOffset? value)
        => new(name, value) { NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
