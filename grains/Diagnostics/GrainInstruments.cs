using System.Diagnostics.Metrics;

namespace IcpSearch.Grains.Diagnostics;

/// <summary>
/// The silo-side instruments of IcpSearch (meter <c>IcpSearch.Grains</c>): searches, pipeline work and job batches.
/// </summary>
public sealed class GrainInstruments
{
    /// <summary>The meter name the hosts export.</summary>
    public const string MeterName = "IcpSearch.Grains";

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
        _searchDuration = meter.CreateHistogram<double>("icpsearch.search.duration", "ms", "Time to answer an industry search, synchronous upserts included.");
        _companiesProcessed = meter.CreateCounter<long>("icpsearch.pipeline.companies", "{company}", "Companies upserted, enriched and scored.");
        _enrichmentDegraded = meter.CreateCounter<long>("icpsearch.enrichment.degraded", "{company}", "Companies an enrichment provider could not enrich.");
        _batchDuration = meter.CreateHistogram<double>("icpsearch.jobs.batch.duration", "ms", "Time to process one staging upsert batch.");
        _jobRowsProcessed = meter.CreateCounter<long>("icpsearch.jobs.rows.processed", "{row}", "Staging rows processed by jobs.");
        _jobRunDuration = meter.CreateHistogram<double>("icpsearch.jobs.run.duration", "ms", "Time of one job run, from start to cap, end or failure.");
        _jobTransitions = meter.CreateCounter<long>("icpsearch.jobs.transitions", "{transition}", "Jobs entering each status.");
    }

    public void OnSearchCompleted(TimeSpan elapsed, string mode)
        => _searchDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("mode", mode));

    public void OnCompaniesProcessed(int count, string path)
        => _companiesProcessed.Add(count, new KeyValuePair<string, object?>("path", path));

    public void OnEnrichmentDegraded(int count, string source)
        => _enrichmentDegraded.Add(count, new KeyValuePair<string, object?>("source", source));

    public void OnBatchCompleted(TimeSpan elapsed, int rows)
    {
        _batchDuration.Record(elapsed.TotalMilliseconds);
        _jobRowsProcessed.Add(rows);
    }

    public void OnRunEnded(TimeSpan elapsed) => _jobRunDuration.Record(elapsed.TotalMilliseconds);

    public void OnJobTransition(string status)
        => _jobTransitions.Add(1, new KeyValuePair<string, object?>("status", status));
}
