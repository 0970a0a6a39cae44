using System.Diagnostics.Metrics;
using IcpSearch.GrainInterfaces.Operations;
using Microsoft.Extensions.Options;
using Prometheus;

namespace IcpSearch.Gateway.Diagnostics;

/// <summary>
/// The gateway's instruments: chat latency as the server measures it and as clients report it (meter
/// <c>IcpSearch.Gateway</c>, exported at <c>/metrics</c> and kept in sliding windows for <c>/api/metrics</c>), and the
/// job figures refreshed from the database at scrape time.
/// </summary>
public sealed class GatewayInstruments
{
    /// <summary>The meter name exported at <c>/metrics</c>.</summary>
    public const string MeterName = "IcpSearch.Gateway";

    private static readonly double[] LatencyBucketsMs = [5, 10, 25, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000, 10000];

    private readonly Histogram<double> _chatTtfb;
    private readonly Histogram<double> _chatDuration;
    private readonly Histogram<double> _clientTtfb;
    private readonly Gauge _jobs;
    private readonly Gauge _queueDepth;
    private readonly Counter _rowsProcessed;
    private readonly Gauge _leadScores;
    private readonly Prometheus.Histogram _jobDuration;
    private readonly Prometheus.Histogram _batchDuration;
    private readonly Counter _refreshFailures;

    public GatewayInstruments(IMeterFactory meterFactory, CollectorRegistry registry, TimeProvider time, IOptions<MetricsOptions> options)
    {
        var meter = meterFactory.Create(MeterName);
        _chatTtfb = meter.CreateHistogram<double>("icpsearch.chat.ttfb", "ms", "Server-measured time from receiving a chat request to its first response byte.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsMs });
        _chatDuration = meter.CreateHistogram<double>("icpsearch.chat.duration", "ms", "Server-measured time to answer a chat request completely.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsMs });
        _clientTtfb = meter.CreateHistogram<double>("icpsearch.client.ttfb", "ms", "Client-reported time to first byte (POST /metrics/ttfb).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsMs });

        var window = TimeSpan.FromMinutes(options.Value.WindowMinutes);
        ServerChatTtfb = new LatencyWindow(window, time);
        ClientChatTtfb = new LatencyWindow(window, time);

        var prometheus = Metrics.WithCustomRegistry(registry);
        _jobs = prometheus.CreateGauge("icpsearch_jobs", "Background jobs by status (all tenants).", "status");
        _queueDepth = prometheus.CreateGauge("icpsearch_queue_depth_rows", "Rows still to process across queued and running jobs.");
        _rowsProcessed = prometheus.CreateCounter("icpsearch_rows_processed_total", "Rows processed by all jobs ever (read from the database).");
        _leadScores = prometheus.CreateGauge("icpsearch_lead_scores", "Lead score rows stored (all tenants).");
        _jobDuration = prometheus.CreateHistogram("icpsearch_job_duration_seconds", "Run time of finished jobs.",
            new HistogramConfiguration { Buckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200] });
        _batchDuration = prometheus.CreateHistogram("icpsearch_batch_duration_seconds", "Run time of finished job batches.",
            new HistogramConfiguration { Buckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _refreshFailures = prometheus.CreateCounter("icpsearch_metrics_refresh_failures_total", "Scrapes whose job figures could not be read from the cluster.");
    }

    /// <summary>Gets the server-measured chat TTFB of successful chats in the metrics window.</summary>
    public LatencyWindow ServerChatTtfb { get; }

    /// <summary>Gets the client-reported chat TTFB in the metrics window.</summary>
    public LatencyWindow ClientChatTtfb { get; }

    public void OnChatAnswered(TimeSpan timeToFirstByte, TimeSpan total, int status)
    {
        var tag = new KeyValuePair<string, object?>("status", status);
        _chatTtfb.Record(timeToFirstByte.TotalMilliseconds, tag);
        _chatDuration.Record(total.TotalMilliseconds, tag);
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
        _clientTtfb.Record(milliseconds, new KeyValuePair<string, object?>("route", isChat ? "chat" : "other"));
        if (isChat)
        {
            ClientChatTtfb.Add(milliseconds);
        }
    }

    /// <summary>Sets the job gauges from fresh figures and feeds the batches and jobs finished since the last scrape.</summary>
    public void OnJobStats(JobStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        foreach (var (status, count) in stats.JobsByStatus)
        {
            _jobs.WithLabels(status).Set(count);
        }

        _queueDepth.Set(stats.QueueDepthRows);
        _rowsProcessed.IncTo(stats.RowsProcessedTotal);
        _leadScores.Set(stats.LeadScoresTotal);
        foreach (var batch in stats.NewBatches)
        {
            _batchDuration.Observe(batch.DurationMs / 1000);
        }

        foreach (var job in stats.NewFinishedJobs)
        {
            _jobDuration.Observe(job.DurationMs / 1000);
        }
    }

    public void OnJobStatsFailed() => _refreshFailures.Inc();
}
