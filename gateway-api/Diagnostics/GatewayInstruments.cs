using System.Diagnostics.Metrics;
using IcpSearch.GrainInterfaces.Operations;
using Microsoft.Extensions.Options;

namespace IcpSearch.Gateway.Diagnostics;

/// <summary>
/// The gateway's instruments (meter <c>IcpSearch.Gateway</c>, exported at <c>/metrics</c>): chat latency as the server
/// measures it and as clients report it (also kept in sliding windows for <c>/api/metrics</c>), and the job figures
/// read from the database at scrape time. Durations are in seconds, as Prometheus expects.
/// </summary>
public sealed class GatewayInstruments
{
    /// <summary>The meter name exported at <c>/metrics</c>.</summary>
    public const string MeterName = "IcpSearch.Gateway";

    private static readonly double[] LatencyBucketsSeconds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] BatchBucketsSeconds = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] JobBucketsSeconds = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200];

    private readonly Histogram<double> _chatTtfb;
    private readonly Histogram<double> _chatDuration;
    private readonly Histogram<double> _clientTtfb;
    private readonly Histogram<double> _jobDuration;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _refreshFailures;

    // The figures of the last successful refresh, read by the observable instruments at each collection.
    private volatile JobStats? _latest;

    public GatewayInstruments(IMeterFactory meterFactory, TimeProvider time, IOptions<MetricsOptions> options)
    {
        var meter = meterFactory.Create(MeterName);
        _chatTtfb = meter.CreateHistogram<double>("icpsearch.chat.ttfb", "s", "Server-measured time from receiving a chat request to its first response byte.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsSeconds });
        _chatDuration = meter.CreateHistogram<double>("icpsearch.chat.duration", "s", "Server-measured time to answer a chat request completely.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsSeconds });
        _clientTtfb = meter.CreateHistogram<double>("icpsearch.client.ttfb", "s", "Client-reported time to first byte (POST /metrics/ttfb).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsSeconds });
        _jobDuration = meter.CreateHistogram<double>("icpsearch.job.duration", "s", "Run time of finished jobs (all tenants, read from the database).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = JobBucketsSeconds });
        _batchDuration = meter.CreateHistogram<double>("icpsearch.batch.duration", "s", "Run time of finished job batches (all tenants, read from the database).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = BatchBucketsSeconds });
        _refreshFailures = meter.CreateCounter<long>("icpsearch.metrics.refresh_failures", "{scrape}", "Scrapes whose job figures could not be read from the cluster.");
        meter.CreateObservableGauge("icpsearch.jobs", ObserveJobs, "{job}", "Background jobs by status (all tenants).");
        meter.CreateObservableGauge("icpsearch.queue.depth", () => Observe(s => s.QueueDepthRows), "{row}", "Rows still to process across queued and running jobs.");
        meter.CreateObservableCounter("icpsearch.rows.processed", () => Observe(s => s.RowsProcessedTotal), "{row}", "Rows processed by all jobs ever (read from the database).");
        meter.CreateObservableGauge("icpsearch.lead_scores", () => Observe(s => s.LeadScoresTotal), "{score}", "Lead score rows stored (all tenants).");

        var window = TimeSpan.FromMinutes(options.Value.WindowMinutes);
        ServerChatTtfb = new LatencyWindow(window, time);
        ClientChatTtfb = new LatencyWindow(window, time);
    }

    /// <summary>Gets the server-measured chat TTFB of successful chats in the metrics window, in milliseconds.</summary>
    public LatencyWindow ServerChatTtfb { get; }

    /// <summary>Gets the client-reported chat TTFB in the metrics window, in milliseconds.</summary>
    public LatencyWindow ClientChatTtfb { get; }

    public void OnChatAnswered(TimeSpan timeToFirstByte, TimeSpan total, int status)
    {
        var tag = new KeyValuePair<string, object?>("status", status);
        _chatTtfb.Record(timeToFirstByte.TotalSeconds, tag);
        _chatDuration.Record(total.TotalSeconds, tag);
        if (status is >= 200 and < 300)
        {
            ServerChatTtfb.Add(timeToFirstByte.TotalMilliseconds);
        }
    }

    /// <summary>Records a client-reported TTFB; only the chat route feeds the chat window, other routes only the histogram.</summary>
    public void OnClientTtfbReported(double milliseconds, string route)
    {
        var isChat = route == "chat";
        // Routes are client-chosen text: the label keeps only the known one so series cannot multiply without bound.
        _clientTtfb.Record(milliseconds / 1000, new KeyValuePair<string, object?>("route", isChat ? "chat" : "other"));
        if (isChat)
        {
            ClientChatTtfb.Add(milliseconds);
        }
    }

    /// <summary>Keeps fresh figures for the gauges and feeds the batches and jobs finished since the last refresh.</summary>
    public void OnJobStats(JobStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        _latest = stats;
        foreach (var batch in stats.NewBatches)
        {
            _batchDuration.Record(batch.DurationMs / 1000);
        }

        foreach (var job in stats.NewFinishedJobs)
        {
            _jobDuration.Record(job.DurationMs / 1000);
        }
    }

    public void OnJobStatsFailed() => _refreshFailures.Add(1);

    private IEnumerable<Measurement<long>> ObserveJobs()
        => _latest is { } stats
            ? stats.JobsByStatus.Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("status", s.Key)))
            : [];

    private IEnumerable<Measurement<long>> Observe(Func<JobStats, long> value)
        => _latest is { } stats ? [new Measurement<long>(value(stats))] : [];
}
