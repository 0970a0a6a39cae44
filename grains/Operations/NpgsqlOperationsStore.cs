using IcpSearch.GrainInterfaces.Operations;

namespace IcpSearch.Grains.Operations;

/// <summary>
/// Job and lead figures for metrics, read from <c>background_jobs</c>, <c>job_batches</c> and <c>lead_scores</c>.
/// </summary>
/// <remarks>
/// The database, not a silo's memory, holds these figures so they are the same whichever silo answers and
/// survive restarts. Batches and jobs are handed out after a time cursor so a reader can feed its histograms once each.
/// </remarks>
public sealed class NpgsqlOperationsStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const int MaxSamples = 5000;

    // @tenant_id NULL means the whole service; every statement filters the same way so the figures agree.
    internal const string TotalsSql = """
        SELECT status, count(*) FROM background_jobs WHERE (@tenant_id::text IS NULL OR tenant_id = @tenant_id) GROUP BY status;
        SELECT coalesce(sum(greatest(total - processed, 0)), 0)::bigint FROM background_jobs
          WHERE status IN ('queued', 'running') AND (@tenant_id::text IS NULL OR tenant_id = @tenant_id);
        SELECT coalesce(sum(processed), 0)::bigint FROM background_jobs WHERE (@tenant_id::text IS NULL OR tenant_id = @tenant_id);
        SELECT count(*) FROM lead_scores WHERE (@tenant_id::text IS NULL OR tenant_id = @tenant_id);
        SELECT coalesce(sum(rows), 0)::bigint FROM job_batches WHERE finished_at > @window_start AND (@tenant_id::text IS NULL OR tenant_id = @tenant_id);
        SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM ended_at - started_at) * 1000)
          FROM background_jobs WHERE status = 'done' AND ended_at > @window_start AND started_at IS NOT NULL
            AND (@tenant_id::text IS NULL OR tenant_id = @tenant_id);
        SELECT date_trunc('minute', finished_at), sum(rows)::bigint FROM job_batches
          WHERE finished_at > @window_start AND (@tenant_id::text IS NULL OR tenant_id = @tenant_id) GROUP BY 1 ORDER BY 1;
        SELECT duration_ms, rows, finished_at FROM job_batches
          WHERE finished_at > @batch_cursor AND (@tenant_id::text IS NULL OR tenant_id = @tenant_id) ORDER BY finished_at LIMIT @max_samples;
        SELECT extract(epoch FROM ended_at - started_at) * 1000, processed, ended_at FROM background_jobs
          WHERE status = 'done' AND ended_at > @job_cursor AND started_at IS NOT NULL AND (@tenant_id::text IS NULL OR tenant_id = @tenant_id)
          ORDER BY ended_at LIMIT @max_samples;
        """;

    /// <summary>Returns true when a trivial query succeeds.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        return (int)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
    }

    /// <summary>Reads every figure in one round trip.</summary>
    public async Task<JobStats> GetJobStatsAsync(JobStatsRequest request, CancellationToken cancellationToken = default)
    {
        var window = Math.Clamp(request.WindowMinutes, 1, 24 * 60);
        var now = time.GetUtcNow();
        var windowStart = now.AddMinutes(-window);

        await using var command = dataSource.CreateCommand(TotalsSql);
        command.Parameters.AddWithValue("window_start", windowStart);
        command.Parameters.AddWithValue("batch_cursor", request.BatchCursor.ToUniversalTime());
        command.Parameters.AddWithValue("job_cursor", request.JobCursor.ToUniversalTime());
        command.Parameters.AddWithValue("max_samples", MaxSamples);
        command.Parameters.Add(new NpgsqlParameter("tenant_id", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)request.TenantId ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);

        var byStatus = new Dictionary<string, long>(StringComparer.Ordinal) { ["queued"] = 0, ["running"] = 0, ["done"] = 0, ["error"] = 0, ["cancelled"] = 0 };
        while (await reader.ReadAsync(cancellationToken))
        {
            byStatus[reader.GetString(0)] = reader.GetInt64(1);
        }

        var queueDepth = await ScalarAsync(reader, cancellationToken);
        var processedTotal = await ScalarAsync(reader, cancellationToken);
        var leadScores = await ScalarAsync(reader, cancellationToken);
        var windowRows = await ScalarAsync(reader, cancellationToken);

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        double? p95 = reader.IsDBNull(0) ? null : reader.GetDouble(0);

        await reader.NextResultAsync(cancellationToken);
        var perMinute = new Dictionary<DateTimeOffset, double>();
        while (await reader.ReadAsync(cancellationToken))
        {
            perMinute[reader.GetFieldValue<DateTimeOffset>(0)] = reader.GetInt64(1);
        }

        var firstMinute = new DateTimeOffset(windowStart.Year, windowStart.Month, windowStart.Day, windowStart.Hour, windowStart.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        var series = Enumerable.Range(0, window)
            .Select(i => firstMinute.AddMinutes(i))
            .Select(m => new SeriesPoint(m, perMinute.GetValueOrDefault(m)))
            .ToList();

        await reader.NextResultAsync(cancellationToken);
        var (batches, batchCursor) = await SamplesAsync(reader, request.BatchCursor, cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        var (finishedJobs, jobCursor) = await SamplesAsync(reader, request.JobCursor, cancellationToken);

        return new JobStats(byStatus, queueDepth, processedTotal, leadScores, byStatus["done"], windowRows / (double)window, p95,
            series, batches, finishedJobs, batchCursor, jobCursor);
    }

    private static async Task<long> ScalarAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetInt64(0);
    }

    private static async Task<(List<DurationSample> Samples, DateTimeOffset Cursor)> SamplesAsync(
        NpgsqlDataReader reader, DateTimeOffset cursor, CancellationToken cancellationToken)
    {
        var samples = new List<DurationSample>();
        while (await reader.ReadAsync(cancellationToken))
        {
            samples.Add(new DurationSample(Convert.ToDouble(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
            cursor = reader.GetFieldValue<DateTimeOffset>(2);
        }

        return (samples, cursor);
    }
}
