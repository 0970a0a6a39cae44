using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Operations;

/// <summary>
/// The silo's operator surface as ./run.sh starts it: one HTTP listener on loopback, the Orleans ports, basic auth on
/// the dashboard, and the grain meter at /metrics.
/// </summary>
public sealed class SiloOperatorSurfaceTests(SiloProcessFixture fixture) : IClassFixture<SiloProcessFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The silo's own series after a search and a job batch, as the README's Operations section lists them.</summary>
    public static readonly string[] SiloSeries =
    [
        .. Histogram("icpsearch_jobs_batch_duration_seconds"),
        "icpsearch_jobs_rows_processed_total",
        "icpsearch_jobs_transitions_total",
        "icpsearch_pipeline_companies_total",
        .. Histogram("icpsearch_search_duration_seconds"),
    ];

    /// <summary>The silo's series that appear only once something happened: a run ended, an enrichment degraded.</summary>
    public static readonly string[] SiloOccasionalSeries =
    [
        "icpsearch_enrichment_degraded_total",
        .. Histogram("icpsearch_jobs_run_duration_seconds"),
    ];

    [Fact]
    public void Listeners_ShouldBeTheLoopbackHttpPortAndTheOrleansPortsOnly_WhenStartedWithDefaults()
    {
        // Act
        var listening = ListeningSockets(fixture.ProcessId);

        // Assert: HTTP on 127.0.0.1 only; silo and gateway ports as Orleans binds them; nothing else (no random port).
        Assert.Equal(
            new[] { $"0.0.0.0:{fixture.GatewayPort}", $"0.0.0.0:{fixture.SiloPort}", $"127.0.0.1:{fixture.HttpPort}" }.Order(StringComparer.Ordinal),
            listening.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dashboard_ShouldChallengeWithBasicAuth_UntilTheConfiguredCredentialsAreSent()
    {
        // Act
        using var anonymous = await fixture.Http.GetAsync("/dashboard/", Cancel);
        using var wrongPassword = await GetWithCredentialsAsync("/dashboard/", SiloProcessFixture.DashboardUser, SiloProcessFixture.DashboardPassword + "x");
        using var wrongUser = await GetWithCredentialsAsync("/dashboard/", "admin", SiloProcessFixture.DashboardPassword);
        using var right = await GetWithCredentialsAsync("/dashboard/", SiloProcessFixture.DashboardUser, SiloProcessFixture.DashboardPassword);
        using var metrics = await fixture.Http.GetAsync("/metrics", Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var challenge = Assert.Single(anonymous.Headers.WwwAuthenticate);
        Assert.Equal("Basic", challenge.Scheme);
        Assert.Contains("realm=\"IcpSearch silo\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("text/html", right.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        // Prometheus and health probes stay open (on loopback): only the dashboard asks for credentials.
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
    }

    [Fact]
    public async Task Metrics_ShouldExportTheGrainMeterInSeconds_AfterASearchAndAJobBatch()
    {
        // Arrange: a search answers ten now and queues the rest, which starts at once (JOBS_RUN_IMMEDIATELY).
        var tenant = "silo-metrics-" + Guid.NewGuid().ToString("N")[..8];
        var result = await fixture.Grains.GetTenantSearchGrain(tenant).SearchAsync(new SearchRequest("Manufacturing"));
        Assert.NotNull(result.JobId);

        // Act
        var scraped = await Eventually.Until(ScrapeAsync,
            text => PrometheusText.Names(text).Contains("icpsearch_jobs_batch_duration_seconds_count"),
            TimeSpan.FromSeconds(60), "a job batch on the silo's /metrics");

        // Assert
        Assert.True(PrometheusText.Sum(scraped, "icpsearch_search_duration_seconds_count", ("mode", result.Mode)) >= 1);
        Assert.True(PrometheusText.Sum(scraped, "icpsearch_pipeline_companies_total") >= 10);
        Assert.True(PrometheusText.Sum(scraped, "icpsearch_jobs_transitions_total", ("status", "running")) >= 1);
        Assert.True(PrometheusText.Sum(scraped, "icpsearch_jobs_rows_processed_total") >= 100);
        Assert.True(PrometheusText.Sum(scraped, "icpsearch_jobs_batch_duration_seconds_count") >= 1);
        // Seconds: a search of ten companies takes well under a minute; in milliseconds the sum would be far larger.
        Assert.InRange(PrometheusText.Sum(scraped, "icpsearch_search_duration_seconds_sum"), 0.0001, 60);
        var names = PrometheusText.Names(scraped);
        Assert.Subset(names, SiloSeries.ToHashSet());
        Assert.Subset(new HashSet<string>([.. SiloSeries, .. SiloOccasionalSeries]), names.Where(n => n.StartsWith("icpsearch_", StringComparison.Ordinal)).ToHashSet());
        Assert.Contains("orleans_grains", names);
        Assert.Contains("http_server_request_duration_seconds_count", names);
        Assert.DoesNotContain(names, n => n.StartsWith("icpsearch_grains_", StringComparison.Ordinal));
    }

    private async Task<string> ScrapeAsync()
    {
        using var response = await fixture.Http.GetAsync("/metrics", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private async Task<HttpResponseMessage> GetWithCredentialsAsync(string path, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return await fixture.Http.SendAsync(request, Cancel);
    }

    private static string[] Histogram(string name) => [name + "_bucket", name + "_count", name + "_sum"];

    // What `ss -ltnp` shows for one process: its socket inodes (/proc/PID/fd) matched against listening TCP sockets.
    private static List<string> ListeningSockets(int pid)
    {
        var inodes = Directory.GetFiles($"/proc/{pid}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Where(target => target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(target => target![8..^1])
            .ToHashSet();
        var listening = new List<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadAllLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields[3] == "0A" && inodes.Contains(fields[9]))
                {
                    listening.Add(Endpoint(fields[1]));
                }
            }
        }

        return listening;
    }

    private static string Endpoint(string hex)
    {
        var (address, port) = (hex.Split(':')[0], int.Parse(hex.Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        var bytes = Convert.FromHexString(address);
        // /proc/net/tcp prints each 32-bit word of the address in host (little-endian) order.
        for (var i = 0; i < bytes.Length; i += 4)
        {
            Array.Reverse(bytes, i, 4);
        }

        return new IPEndPoint(new IPAddress(bytes), port).ToString();
    }
}
