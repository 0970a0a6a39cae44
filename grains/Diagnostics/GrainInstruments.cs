using System.Diagnostics.Metrics;

namespace IcpSearch.Grains.Diagnostics;

/// <summary>
/// The silo-side instruments of IcpSearch (meter <c>IcpSearch.Grains</c>): searches, pipeline work and job batches.
/// Durations are in seconds, as Prometheus expects; the exporter appends the unit and <c>_total</c> to the names.
/// </summary>
public sealed class GrainInstruments
{
    /// <summary>The meter name the hosts export.</summary>
    public const string MeterName = "IcpSearch.Grains";

    private static readonly double[] ShortBucketsSeconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] RunBucketsSeconds = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200];

    private readonly Histogram<double> _searchDuration;
    private readonly Counter<long> _companiesProcessed;
    private readonly Counter<long> _enrichmentDegraded;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _jobRowsProcessed;
    private readonly Histogram<double> _jobRunDuration;
    private readonly Counter<long> _jobTransitions;

    public GrainInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _searchDuration = meter.CreateHistogram<double>("icpsearch.search.duration", "s", "Time to answer an industry search, synchronous upserts included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ShortBucketsSeconds });
        _companiesProcessed = meter.CreateCounter<long>("icpsearch.pipeline.companies", "{company}", "Companies upserted, enriched and scored.");
        _enrichmentDegraded = meter.CreateCounter<long>("icpsearch.enrichment.degraded", "{company}", "Companies an enrichment provider could not enrich.");
        _batchDuration = meter.CreateHistogram<double>("icpsearch.jobs.batch.duration", "s", "Time to process one staging upsert batch.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ShortBucketsSeconds });
        _jobRowsProcessed = meter.CreateCounter<long>("icpsearch.jobs.rows.processed", "{row}", "Staging rows processed by jobs.");
        _jobRunDuration = meter.CreateHistogram<double>("icpsearch.jobs.run.duration", "s", "Time of one job run, from start to cap, end or failure.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RunBucketsSeconds });
        _jobTransitions = meter.CreateCounter<long>("icpsearch.jobs.transitions", "{transition}", "Jobs entering each status.");
    }

    public void OnSearchCompleted(TimeSpan elapsed, string mode)
        => _searchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("mode", mode));

    public void OnCompaniesProcessed(int count, string path)
        => _companiesProcessed.Add(count, new KeyValuePair<string, object?>("path", path));

    public void OnEnrichmentDegraded(int count, string source)
        => _enrichmentDegraded.Add(count, new KeyValuePair<string, object?>("source", source));

    public void OnBatchCompleted(TimeSpan elapsed, int rows)
    {
        _batchDuration.Record(elapsed.TotalSeconds);
        _jobRowsProcessed.Add(rows);
    }

    public void OnRunEnded(TimeSpan elapsed) => _jobRunDuration.Record(elapsed.TotalSeconds);

    public void OnJobTransition(string status)
        => _jobTransitions.Add(1, new KeyValuePair<string, object?>("status", status));
}
