using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// /metrics (Prometheus text), /api/metrics (the console's JSON) and client TTFB reports.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class MetricsTests(GatewayFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PrometheusMetrics_ShouldExportJobFiguresChatTtfbAndHttpMetrics_WhenScraped()
    {
        // Arrange: a gateway of its own (OpenTelemetry matches meters by name, so a gateway that another test disposes
        // mid-collection would end the shared series), a chat (server TTFB), and a finished job with two batches
        // written after the gateway started.
        await using var gateway = fixture.CreateGateway();
        var tenant = GatewayFixture.NewTenant();
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", GatewayFixture.Token(tenant));
        await ProblemAssert.IsJsonAsync(await client.PostAsJsonAsync("/chat", new { message = "Manufacturing" }, Cancel));
        var before = await ScrapeAsync(client);
        await InsertFinishedJobAsync(tenant, batches: 2);

        // Act
        var after = await ScrapeAsync(client);
        var again = await ScrapeAsync(client);

        // Assert: OpenTelemetry's Prometheus names (unit suffix, _total on counters), no meter-name prefix.
        Assert.True(PrometheusText.Sum(after, "icpsearch_chat_ttfb_seconds_bucket", ("le", "+Inf")) >= 1);
        Assert.True(PrometheusText.Sum(after, "icpsearch_chat_ttfb_seconds_count", ("status", "200")) >= 1);
        Assert.True(PrometheusText.Sum(after, "icpsearch_chat_duration_seconds_count", ("status", "200")) >= 1);
        Assert.True(PrometheusText.Sum(after, "http_server_request_duration_seconds_count", ("http_request_method", "POST")) >= 1);
        Assert.True(PrometheusText.Sum(after, "icpsearch_jobs", ("status", "queued")) >= 1);
        Assert.True(PrometheusText.Sum(after, "icpsearch_jobs", ("status", "done")) >= 1);
        Assert.True(PrometheusText.Sum(after, "icpsearch_queue_depth") > 0);
        Assert.True(PrometheusText.Sum(after, "icpsearch_rows_processed_total") >= 500);
        Assert.Equal(await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores"), PrometheusText.Sum(after, "icpsearch_lead_scores"), 0);
        // Each batch and job is observed exactly once, however often the gateway is scraped.
        Assert.Equal(2, PrometheusText.Sum(after, "icpsearch_batch_duration_seconds_count") - PrometheusText.SumOrZero(before, "icpsearch_batch_duration_seconds_count"));
        Assert.Equal(1, PrometheusText.Sum(after, "icpsearch_job_duration_seconds_count") - PrometheusText.SumOrZero(before, "icpsearch_job_duration_seconds_count"));
        Assert.Equal(PrometheusText.Sum(after, "icpsearch_batch_duration_seconds_count"), PrometheusText.Sum(again, "icpsearch_batch_duration_seconds_count"));
        // A 400 ms batch lands in the 0.5 s bucket: the durations are seconds, not milliseconds.
        Assert.True(PrometheusText.Sum(after, "icpsearch_batch_duration_seconds_bucket", ("le", "0.5"))
            - PrometheusText.SumOrZero(before, "icpsearch_batch_duration_seconds_bucket", ("le", "0.5")) == 2);
        Assert.DoesNotContain(PrometheusText.Names(after), n => n.StartsWith("icpsearch_gateway_", StringComparison.Ordinal));
        var exported = PrometheusText.Names(after).Where(n => n.StartsWith("icpsearch_", StringComparison.Ordinal)).ToHashSet();
        Assert.Subset(exported, GatewaySeries.ToHashSet());
        Assert.Subset(new HashSet<string>([.. GatewaySeries, .. GatewayOccasionalSeries]), exported);
    }

    /// <summary>The gateway's own series after a chat and a finished job, as the README's Operations section lists them.</summary>
    public static readonly string[] GatewaySeries =
    [
        .. Histogram("icpsearch_batch_duration_seconds"),
        .. Histogram("icpsearch_chat_duration_seconds"),
        .. Histogram("icpsearch_chat_ttfb_seconds"),
        .. Histogram("icpsearch_job_duration_seconds"),
        "icpsearch_jobs",
        "icpsearch_lead_scores",
        "icpsearch_queue_depth",
        "icpsearch_rows_processed_total",
    ];

    /// <summary>The gateway's series that appear only once something happened: a client TTFB report, a failed refresh.</summary>
    public static readonly string[] GatewayOccasionalSeries =
    [
        .. Histogram("icpsearch_client_ttfb_seconds"),
        "icpsearch_metrics_refresh_failures_total",
    ];

    private static string[] Histogram(string name) => [name + "_bucket", name + "_count", name + "_sum"];

    [Fact]
    public async Task ApiMetrics_ShouldReportTtfbPercentilesAndSeries_WhenSamplesWereReported()
    {
        // Arrange: a gateway of its own, so its TTFB windows hold exactly this test's samples.
        await using var gateway = fixture.CreateGateway();
        var tenant = GatewayFixture.NewTenant();
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", GatewayFixture.Token(tenant));
        foreach (var ms in Enumerable.Range(1, 20).Select(i => i * 10.0))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/metrics/ttfb", new { ms, route = "chat" }, Cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/metrics/ttfb", new { ms = 9999.0, route = "scores/latest" }, Cancel)).StatusCode);
        await ProblemAssert.IsJsonAsync(await client.PostAsJsonAsync("/chat", new { message = "Manufacturing" }, Cancel));
        await InsertFinishedJobAsync(tenant, batches: 3);

        // Act
        var metrics = await ProblemAssert.IsJsonAsync(await client.GetAsync("/api/metrics", Cancel));

        // Assert
        var ttfb = metrics.GetProperty("chat_ttfb_p95_ms");
        Assert.Equal(190, ttfb.GetProperty("client").GetDouble());
        Assert.True(ttfb.GetProperty("server").GetDouble() > 0);
        Assert.Equal(15, metrics.GetProperty("window_minutes").GetInt32());
        Assert.Equal(3 * 250 / 15.0, metrics.GetProperty("rows_per_minute").GetDouble(), 2);
        Assert.True(metrics.GetProperty("job_duration_p95_ms").GetDouble() > 0);
        Assert.Equal(1, metrics.GetProperty("jobs_processed").GetInt64());
        Assert.Equal(10, metrics.GetProperty("lead_scores_total").GetInt64());
        Assert.Equal(1, metrics.GetProperty("jobs_by_status").GetProperty("queued").GetInt64());
        Assert.True(metrics.GetProperty("queue_depth").GetInt64() > 0);
        var series = metrics.GetProperty("series");
        foreach (var name in new[] { "rows_per_minute", "chat_ttfb_p95_server_ms", "chat_ttfb_p95_client_ms" })
        {
            var points = series.GetProperty(name).EnumerateArray().ToList();
            Assert.Equal(15, points.Count);
            var times = points.Select(p => p.GetProperty("at").GetDateTimeOffset()).ToList();
            Assert.True(times.Zip(times.Skip(1)).All(t => t.Second - t.First == TimeSpan.FromMinutes(1)), name + " is not one point per minute");
        }

        Assert.Equal(750, series.GetProperty("rows_per_minute").EnumerateArray().Sum(p => p.GetProperty("value").GetDouble()));
        // The samples went in within a fraction of a second: normally all in the current minute (p95 190); should a
        // minute end in between, the current minute holds the largest of them (p95 190 or 200).
        var lastClient = series.GetProperty("chat_ttfb_p95_client_ms").EnumerateArray()
            .Last(p => p.GetProperty("value").ValueKind == JsonValueKind.Number).GetProperty("value").GetDouble();
        Assert.Contains(lastClient, new[] { 190.0, 200.0 });
    }

    [Theory]
    [InlineData("{\"ms\": 0, \"route\": \"chat\"}", "ms")]
    [InlineData("{\"ms\": -3, \"route\": \"chat\"}", "ms")]
    [InlineData("{\"ms\": 600000, \"route\": \"chat\"}", "ms")]
    [InlineData("{\"route\": \"chat\"}", "ms")]
    [InlineData("{\"ms\": 12.5, \"route\": \"Chat\"}", "route")]
    [InlineData("{\"ms\": 12.5, \"route\": \"\"}", "route")]
    [InlineData("{\"ms\": 12.5}", "route")]
    public async Task ReportTtfb_ShouldAnswer400NamingTheField_WhenTheSampleIsInvalid(string body, string field)
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var response = await client.PostAsync("/metrics/ttfb", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Fact]
    public async Task ReportTtfb_ShouldAnswer429ProblemPerTenant_WhenTheTenantExceedsItsRate()
    {
        // Arrange
        var settings = fixture.GatewaySettings();
        settings["MetricsOptions:TtfbReportsPerMinute"] = "3";
        await using var gateway = fixture.CreateGateway(settings);
        using var noisy = gateway.CreateClient();
        noisy.DefaultRequestHeaders.Authorization = new("Bearer", GatewayFixture.Token(GatewayFixture.NewTenant()));
        using var quiet = gateway.CreateClient();
        quiet.DefaultRequestHeaders.Authorization = new("Bearer", GatewayFixture.Token(GatewayFixture.NewTenant()));

        // Act
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await noisy.PostAsJsonAsync("/metrics/ttfb", new { ms = 50.0, route = "chat" }, Cancel)).StatusCode);
        }

        using var limited = await noisy.PostAsJsonAsync("/metrics/ttfb", new { ms = 50.0, route = "chat" }, Cancel);
        using var other = await quiet.PostAsJsonAsync("/metrics/ttfb", new { ms = 50.0, route = "chat" }, Cancel);

        // Assert
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    // A job that ran for 2 s and finished now, with batches of 250 rows, as the job grain would have recorded it.
    private async Task InsertFinishedJobAsync(string tenant, int batches)
    {
        await using var command = fixture.DataSource.CreateCommand("""
            WITH j AS (
                INSERT INTO background_jobs (tenant_id, job_type, status, params, params_key, processed, total, batches, started_at, ended_at)
                VALUES (@t, 'staging_upsert', 'done', '{}', md5(random()::text), @rows, @rows, @batches, now() - interval '2 seconds', now())
                RETURNING job_id)
            INSERT INTO job_batches (job_id, batch_no, tenant_id, rows, duration_ms, finished_at)
            SELECT job_id, g, @t, 250, 400, now() FROM j, generate_series(1, @batches) g
            """);
        command.Parameters.AddWithValue("t", tenant);
        command.Parameters.AddWithValue("rows", 250L * batches);
        command.Parameters.AddWithValue("batches", batches);
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
