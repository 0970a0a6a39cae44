using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace IcpSearch.ServiceDefaults;

/// <summary>
/// The one metrics pipeline of both hosts: instruments from <c>IMeterFactory</c> meters, collected by OpenTelemetry
/// and served as Prometheus text at <c>/metrics</c>.
/// </summary>
public static class MetricsExtensions
{
    /// <summary>The path Prometheus scrapes on every host.</summary>
    public const string ScrapePath = "/metrics";

    /// <summary>The ASP.NET Core meters both hosts export (HTTP server requests and Kestrel connections).</summary>
    public static IReadOnlyList<string> AspNetCoreMeters { get; } =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting"];

    /// <summary>Collects <paramref name="meters"/> plus <see cref="AspNetCoreMeters"/> for the Prometheus exporter; <paramref name="serviceName"/> labels <c>target_info</c>.</summary>
    public static IHostApplicationBuilder AddIcpSearchMetrics(this IHostApplicationBuilder builder, string serviceName, params string[] meters)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics => metrics
            .AddMeter([.. AspNetCoreMeters, .. meters])
            // Every scrape reads fresh values: the figures some hosts refresh at scrape time must not be served stale.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    /// <summary>Maps <see cref="ScrapePath"/>; <paramref name="beforeScrape"/> runs first on each scrape (e.g. to refresh figures read from elsewhere).</summary>
    public static IEndpointConventionBuilder MapIcpSearchMetrics(this IEndpointRouteBuilder endpoints, Action<IApplicationBuilder>? beforeScrape = null)
        => endpoints.MapPrometheusScrapingEndpoint(ScrapePath, meterProvider: null, configureBranchedPipeline: beforeScrape, optionsName: null);
}
