using System.Diagnostics.Metrics;
using Prometheus;

namespace IcpSearch.Gateway.Diagnostics;

/// <summary>
/// Connects this host's metrics to its own Prometheus registry: the meters created through this host's
/// <see cref="IMeterFactory"/> (the gateway's and ASP.NET Core's) and the scrape-time job figures.
/// </summary>
/// <remarks>
/// A registry per host rather than prometheus-net's global one keeps two hosts in one process (tests) from
/// exporting each other's figures or calling each other's disposed cluster clients.
/// </remarks>
public sealed class PrometheusExport(CollectorRegistry registry, IMeterFactory meterFactory, OperationsMetricsCollector collector) : IHostedService, IDisposable
{
    private IDisposable? _meterAdapter;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new MeterAdapterOptions();
        var defaultBuckets = options.ResolveHistogramBuckets;
        options.Registry = registry;
        // MetricFactory defaults to the global registry's factory and wins over Registry, so it must be set too.
        options.MetricFactory = Metrics.WithCustomRegistry(registry);
        options.InstrumentFilterPredicate = instrument => ReferenceEquals(instrument.Meter.Scope, meterFactory);
        options.ResolveHistogramBuckets = instrument => instrument is Histogram<double> { Advice.HistogramBucketBoundaries: { } bounds }
            ? [.. bounds]
            : defaultBuckets(instrument);
        _meterAdapter = MeterAdapter.StartListening(options);
        registry.AddBeforeCollectCallback(collector.CollectAsync);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _meterAdapter?.Dispose();
        _meterAdapter = null;
    }
}
