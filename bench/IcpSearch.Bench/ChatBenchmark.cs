using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace IcpSearch.Bench;

/// <summary>
/// Drives <c>POST /chat</c> through a real gateway and silo (separate processes): per registry size, 1,000 requests
/// from 8 concurrent clients, cycling through SDR sentences with constraints (location, officers, incorporation,
/// entity type, exclusions, frames and lists), timing the first response byte and the whole response, with
/// <c>GET /api/info</c> measured in the same run; per size, the synchronous 10 chosen both ways (<c>UPSERT_SYNC_ORDER</c>
/// best, the ranked selection, and match, the unranked head) with the ratio of their p95s; at the end, the p95 of the
/// largest size over that of the smallest (ranked).
/// </summary>
public sealed class ChatBenchmark : IBenchmark
{
    public string Name => "chat";

    public string Description => "POST /chat through gateway+silo at several registry sizes: TTFB and total p50/p95/p99 and p95 ratio (--rows 100000,1000000 --requests 1000 --concurrency 8 --rounds 3 --orders best,match [--message TEXT])";

    // What SDRs write: a bare industry, and sentences whose constraints each narrow the match.
    private static readonly string[] Messages =
    [
        "Manufacturing",
        "Manufacturing companies in Jurong with more than 20 officers",
        "logistics and warehousing in the east",
        "I sell payroll software to hotels, restaurants and cafes",
        "construction firms incorporated after 2015, Pte Ltd",
        "wholesale trade except food with at least 3 officers",
        "IT companies in central less than 10 years old",
        "F&B businesses in Tampines or Pasir Ris",
        "looking for precision engineering SMEs in the west",
        "real estate agencies since 2010",
    ];

    public async Task<int> RunAsync(string[] args)
    {
        var rowCounts = BenchArgs.Ints(args, "--rows", "100000,1000000");
        var requests = BenchArgs.Int(args, "--requests", 1000);
        var concurrency = BenchArgs.Int(args, "--concurrency", 8);
        var message = BenchArgs.Text(args, "--message", "");
        var rounds = BenchArgs.Int(args, "--rounds", 3);
        var orders = BenchArgs.Text(args, "--orders", "best,match").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] messages = message.Length > 0 ? [message] : Messages;

        Console.WriteLine($"chat benchmark: {rounds} rounds of {requests} requests, {concurrency} concurrent clients, {messages.Length} messages in turn, after a 500-request warm-up");
        foreach (var text in messages)
        {
            Console.WriteLine($"  - \"{text}\"");
        }

        Console.WriteLine("| staging rows | sync order | round | matches (min–max) | /chat TTFB p50 / p95 / p99 (ms) | /chat total p50 / p95 / p99 (ms) | req/s | baseline GET /api/info p95 (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var medians = new List<(int Rows, double P95)>();
        var ratios = new List<string>();
        foreach (var rows in rowCounts)
        {
            var database = $"bench_chat_{rows}";
            var connectionString = await BenchDatabase.CreateAsync(database);
            var load = Stopwatch.StartNew();
            await BenchRegistry.LoadAsync(connectionString, rows);
            Console.Error.WriteLine($"[chat] loaded {rows:N0} rows in {load.Elapsed.TotalSeconds:0.0} s");
            var byOrder = new Dictionary<string, double>();
            foreach (var order in orders)
            {
                byOrder[order] = await RunOneAsync(connectionString, rows, order, requests, concurrency, messages, rounds);
            }

            medians.Add((rows, byOrder[orders[0]]));
            if (byOrder.TryGetValue("best", out var best) && byOrder.TryGetValue("match", out var match))
            {
                ratios.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{rows:N0} rows: p95 ranked (best) / unranked (match) = {best:0.0} / {match:0.0} = {best / match:0.00}"));
            }
        }

        ratios.ForEach(Console.WriteLine);

        if (medians.Count > 1)
        {
            var (small, large) = (medians.MinBy(m => m.Rows), medians.MaxBy(m => m.Rows));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"p95({large.Rows:N0}) / p95({small.Rows:N0}) = {large.P95:0.0} / {small.P95:0.0} = {large.P95 / small.P95:0.00}"));
        }

        return 0;
    }

    private static async Task<double> RunOneAsync(string connectionString, int rows, string order, int requests, int concurrency, string[] messages, int rounds)
    {
        var clusterId = $"bench-{Guid.NewGuid():N}"[..20];
        var gatewayPort = HostProcess.FreePort();
        var logs = Path.Combine(Path.GetTempPath(), "icpsearch-bench-logs");
        Directory.CreateDirectory(logs);
        var common = new Dictionary<string, string>
        {
            ["ICPSEARCH_DB"] = connectionString,
            ["CLUSTER_ID"] = clusterId,
            ["SERVICE_ID"] = clusterId,
            ["LOG_FORMAT"] = "text",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        await using var silo = HostProcess.Start("silo", "IcpSearch.Silo", new Dictionary<string, string>(common)
        {
            ["SILO_PORT"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["SILO_GATEWAY_PORT"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["SILO_HTTP_PORT"] = HostProcess.FreePort().ToString(CultureInfo.InvariantCulture),
            ["MIGRATE_ON_START"] = "false",
            ["UPSERT_SYNC_ORDER"] = order,
        }, Path.Combine(logs, $"silo-{rows}-{order}.log"));
        await using var gateway = HostProcess.Start("gateway-api", "IcpSearch.Gateway", new Dictionary<string, string>(common)
        {
            ["GATEWAY_PORT"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["AUTH_MODE"] = "off",
            ["DEFAULT_TENANT"] = "bench",
        }, Path.Combine(logs, $"gateway-{rows}-{order}.log"));

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitHealthyAsync(http, silo, gateway, logs);

        // Warm-up: JIT tiers, connection pools, prepared statements and caches, as in a service that has been up a while.
        // The first search of each message meets every cache cold (counts, headings, the ranking): timed on its own.
        var matches = new long[messages.Length];
        var cold = new double[messages.Length];
        var sent = -1;
        await MeasureAsync(500, concurrency, async worker =>
        {
            var n = Interlocked.Increment(ref sent) & int.MaxValue;
            var i = n % messages.Length;
            var warm = await PostChatAsync(http, messages[i], $"warm-{order}-{worker}");
            matches[i] = warm.Matches;
            if (n < messages.Length)
            {
                cold[i] = warm.Timing.Total;
            }

            return warm.Timing;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {rows:N0} | {order} | cold: first search of each message | | | p50 {Stats.Percentile([.. cold], 50):0.0} / max {cold.Max():0.0} | | |"));

        Console.Error.WriteLine($"[chat] {rows:N0} rows, {order}, matches per message: " + string.Join(" · ", messages.Select((m, i) => $"\"{m}\" {matches[i]:N0}")));
        var p95s = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var baseline = await MeasureAsync(requests, concurrency, async _ => await TimeGetAsync(http, "/api/info"));
            var clock = Stopwatch.StartNew();
            var chat = await MeasureAsync(requests, concurrency, async worker =>
                (await PostChatAsync(http, messages[(Interlocked.Increment(ref sent) & int.MaxValue) % messages.Length], $"sdr-{order}-{worker}")).Timing);
            var elapsed = clock.Elapsed;

            var ttfb = chat.Select(t => t.Ttfb).ToList();
            var total = chat.Select(t => t.Total).ToList();
            p95s.Add(Stats.Percentile(total, 95));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {rows:N0} | {order} | {round} | {matches.Min():N0}–{matches.Max():N0} | {P(ttfb, 50)} / {P(ttfb, 95)} / {P(ttfb, 99)} | {P(total, 50)} / {P(total, 95)} / {P(total, 99)} | {requests / elapsed.TotalSeconds:0} | {P(baseline.Select(t => t.Total).ToList(), 95)} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {rows:N0} | {order} | median p95 of {rounds} rounds | | | {P(p95s, 50)} | | |"));
        return Stats.Percentile(p95s, 50);
    }

    private static async Task<List<(double Ttfb, double Total)>> MeasureAsync(int requests, int concurrency, Func<int, Task<(double Ttfb, double Total)>> send)
    {
        var samples = new List<(double, double)>(requests);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                var sample = await send(worker);
                lock (samples)
                {
                    samples.Add(sample);
                }
            }
        }));
        return samples;
    }

    private static async Task<((double Ttfb, double Total) Timing, long Matches)> PostChatAsync(HttpClient http, string message, string tenant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/chat") { Content = JsonContent.Create(new { message }) };
        request.Headers.Add("X-Tenant-ID", tenant);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var ttfb = clock.Elapsed.TotalMilliseconds;
        var body = await response.Content.ReadFromJsonAsync<ChatBody>();
        var total = clock.Elapsed.TotalMilliseconds;
        // Exactly 10 whenever at least 10 match: a benchmark of answers that are wrong would measure nothing.
        if (!response.IsSuccessStatusCode || body is null || body.Companies?.Length != Math.Min(10, body.Total_matches))
        {
            throw new InvalidOperationException($"POST /chat \"{message}\" answered {(int)response.StatusCode} with {body?.Companies?.Length} companies of {body?.Total_matches} matches");
        }

        return ((ttfb, total), body.Total_matches);
    }

    private static async Task<(double, double)> TimeGetAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var ttfb = clock.Elapsed.TotalMilliseconds;
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return (ttfb, clock.Elapsed.TotalMilliseconds);
    }

    private static async Task WaitHealthyAsync(HttpClient http, HostProcess silo, HostProcess gateway, string logs)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (silo.HasExited || gateway.HasExited)
            {
                throw new InvalidOperationException($"the silo or gateway exited; see {logs}");
            }

            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"the gateway did not become healthy; see {logs}");
    }

    private static string P(List<double> samples, double p) => Stats.Percentile(samples, p).ToString("0.0", CultureInfo.InvariantCulture);

    private sealed record ChatBody(ChatCompany[]? Companies, long Total_matches);

    private sealed record ChatCompany(long Company_id);
}
