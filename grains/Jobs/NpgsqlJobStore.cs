using System.Globalization;
using System.Text.Json;
using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// <see cref="IJobStore"/> over <c>background_jobs</c> and <c>job_batches</c>.
/// </summary>
public sealed class NpgsqlJobStore(NpgsqlDataSource dataSource) : IJobStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string JobColumns = """
        job_id, tenant_id, job_type, status, processed, total, batches, cursor_uen, created_at, params,
        error, error_code, started_at, ended_at, next_run_at
        """;

    /// <inheritdoc />
    public async Task<(long JobId, bool Created, bool Unscheduled)?> CreateOrReuseAsync(NewJob job, int maxOpenPerTenant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOpenPerTenant, 1);

        // One tenant's creations take turns (a transaction-scoped advisory lock on the tenant), so the count of open
        // jobs cannot go stale between the check and the insert: concurrent creates never pass the cap. Each
        // statement reads a fresh snapshot (READ COMMITTED), so the second sees the first's committed row.
        const string lockTenant = "SELECT pg_advisory_xact_lock(hashtextextended('icpsearch.open-jobs:' || @tenant_id, 0))";
        const string sql = """
            WITH existing AS (
                SELECT job_id, status = 'queued' AND next_run_at IS NULL AS unscheduled FROM background_jobs
                WHERE tenant_id = @tenant_id AND job_type = @job_type AND params_key = @params_key
                  AND status IN ('queued', 'running')
            ), created AS (
                INSERT INTO background_jobs (tenant_id, job_type, status, params, params_key, total)
                SELECT @tenant_id, @job_type, 'queued', @params, @params_key, @total
                WHERE NOT EXISTS (SELECT 1 FROM existing)
                  AND (SELECT count(*) FROM background_jobs WHERE tenant_id = @tenant_id AND status IN ('queued', 'running')) < @max_open
                ON CONFLICT (tenant_id, job_type, params_key) WHERE status IN ('queued', 'running') DO NOTHING
                RETURNING job_id
            )
            SELECT job_id, true, true FROM created
            UNION ALL
            SELECT job_id, false, unscheduled FROM existing
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(lockTenant, connection, transaction))
        {
            command.Parameters.AddWithValue("tenant_id", job.TenantId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        (long, bool, bool)? result = null;
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            command.Parameters.AddWithValue("tenant_id", job.TenantId);
            command.Parameters.AddWithValue("job_type", job.JobType);
            command.Parameters.AddWithValue("params", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(job.Spec, Json));
            command.Parameters.AddWithValue("params_key", WorkKey(job.Spec));
            command.Parameters.AddWithValue("total", job.Spec.Total);
            command.Parameters.AddWithValue("max_open", (long)maxOpenPerTenant);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                result = (reader.GetInt64(0), reader.GetBoolean(1), reader.GetBoolean(2));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <inheritdoc />
    public async Task<JobMirror?> GetAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {JobColumns} FROM background_jobs WHERE job_id = @job_id");
        command.Parameters.AddWithValue("job_id", jobId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var spec = JsonSerializer.Deserialize<StagingUpsertJobSpec>(reader.GetString(9), Json)
            ?? throw new InvalidOperationException($"Job {jobId} has no parameters.");
        return new JobMirror(
            JobId: reader.GetInt64(0),
            TenantId: reader.GetString(1),
            JobType: reader.GetString(2),
            Status: ParseStatus(reader.GetString(3)),
            Processed: reader.GetInt64(4),
            Total: reader.GetInt64(5),
            Batches: reader.GetInt32(6),
            CursorUen: reader.IsDBNull(7) ? null : reader.GetString(7),
            CreatedAt: reader.GetFieldValue<DateTimeOffset>(8),
            Spec: spec);
    }

    /// <inheritdoc />
    public async Task UpdateStatusAsync(JobStatusUpdate update, CancellationToken cancellationToken = default)
    {
        const string sql = """
            UPDATE background_jobs
            SET status = @status, started_at = coalesce(started_at, @started_at), ended_at = @ended_at,
                next_run_at = @next_run_at, error = @error, error_code = @error_code, updated_at = now()
            WHERE job_id = @job_id
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("job_id", update.JobId);
        command.Parameters.AddWithValue("status", update.Status.ToWire());
        command.Parameters.Add(NullableTime("started_at", update.StartedAt));
        command.Parameters.Add(NullableTime("ended_at", update.EndedAt));
        command.Parameters.Add(NullableTime("next_run_at", update.NextRunAt));
        command.Parameters.Add(new NpgsqlParameter<string?>("error", update.Error) { NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string?>("error_code", update.ErrorCode) { NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Page<JobSnapshot>> ListAsync(JobsQueryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Limit, PageLimits.Max);
        var sql = $"""
            SELECT {JobColumns}
            FROM background_jobs
            WHERE tenant_id = @tenant_id AND job_id < @after
            ORDER BY job_id DESC
            LIMIT @limit
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("tenant_id", request.TenantId);
        command.Parameters.AddWithValue("after", request.AfterJobId ?? long.MaxValue);
        command.Parameters.AddWithValue("limit", request.Limit + 1);

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
    public async Task<IReadOnlyList<long>> ListOpenJobIdsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT job_id FROM background_jobs WHERE status IN ('queued', 'running') ORDER BY job_id");
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Adds the job's progress to a batch that writes the rows, so both commit in one transaction.</summary>
    /// <remarks>The batch number is a primary key of <c>job_batches</c>: re-committing a batch fails the whole transaction.</remarks>
    internal static void AddBatchProgress(NpgsqlBatch batch, JobBatchRecord record, string tenantId, int rows)
    {
        var progress = new NpgsqlBatchCommand("""
            UPDATE background_jobs
            SET processed = @processed, batches = @batch_no, cursor_uen = @cursor_uen, updated_at = now()
            WHERE job_id = @job_id
            """);
        progress.Parameters.AddWithValue("job_id", record.JobId);
        progress.Parameters.AddWithValue("processed", record.ProcessedAfter);
        progress.Parameters.AddWithValue("batch_no", record.BatchNo);
        progress.Parameters.AddWithValue("cursor_uen", record.CursorUen);
        batch.BatchCommands.Add(progress);

        var history = new NpgsqlBatchCommand("""
            INSERT INTO job_batches (job_id, batch_no, tenant_id, rows, duration_ms)
            VALUES (@job_id, @batch_no, @tenant_id, @rows, extract(epoch FROM clock_timestamp() - @started_at) * 1000)
            """);
        history.Parameters.AddWithValue("job_id", record.JobId);
        history.Parameters.AddWithValue("batch_no", record.BatchNo);
        history.Parameters.AddWithValue("tenant_id", tenantId);
        history.Parameters.AddWithValue("rows", rows);
        history.Parameters.AddWithValue("started_at", record.StartedAt);
        batch.BatchCommands.Add(history);
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

    private static NpgsqlParameter<DateTimeOffset?> NullableTime(string name, DateTimeOffset? value)
        => new(name, value) { NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
