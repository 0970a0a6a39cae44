using IcpSearch.Grains.Jobs;
using IcpSearch.Grains.Database;
using IcpSearch.Grains.Diagnostics;
using IcpSearch.Grains.Extensions;
using IcpSearch.Grains.Industries;
using IcpSearch.Silo.Dashboard;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace IcpSearch.Silo.Extensions;

/// <summary>
/// Registration of the silo host: flags, logging, grains, Orleans, the operator surface (health, metrics, dashboard).
/// </summary>
public static class Extensions
{
    /// <summary>The HTTP port when neither <c>SILO_HTTP_PORT</c> nor <c>--urls</c> names one.</summary>
    public const int DefaultHttpPort = 8081;

    /// <summary>Gets the environment variables the silo understands and the settings they map onto.</summary>
    public static IReadOnlyList<Flag> Flags { get; } =
    [
        new("ICPSEARCH_DB", "ConnectionStrings:IcpSearch", FlagKind.Text, Secret: true),
        new("CLUSTER_ID", "SiloOptions:ClusterId", FlagKind.Text),
        new("SERVICE_ID", "SiloOptions:ServiceId", FlagKind.Text),
        new("SILO_PORT", "SiloOptions:SiloPort", FlagKind.Integer),
        new("SILO_GATEWAY_PORT", "SiloOptions:GatewayPort", FlagKind.Integer),
        new("SILO_ADVERTISED_IP", "SiloOptions:AdvertisedIp", FlagKind.Text),
        new("SILO_HTTP_PORT", "SiloHttpOptions:Port", FlagKind.Integer),
        new("SILO_HTTP_BIND", "SiloHttpOptions:Bind", FlagKind.Text),
        new("DASHBOARD_USERNAME", "SiloHttpOptions:DashboardUsername", FlagKind.Text),
        new("DASHBOARD_PASSWORD", "SiloHttpOptions:DashboardPassword", FlagKind.Text, Secret: true),
        new("STAGING_UPSERT_MODE", "SearchOptions:Mode", FlagKind.Text),
        new("UPSERT_SYNC_LIMIT", "SearchOptions:SyncLimit", FlagKind.Integer),
        new("UPSERT_SYNC_ORDER", "SearchOptions:SyncOrder", FlagKind.Text),
        new("REFINE_ABOVE", "SearchOptions:RefineAbove", FlagKind.Integer),
        new("STAGING_BATCH_SIZE", "StagingUpsertJobOptions:BatchSize", FlagKind.Integer),
        new("UPSERT_MAX_PER_JOB", "StagingUpsertJobOptions:MaxRowsPerRun", FlagKind.Integer),
        new("JOBS_NIGHTLY_AT", "StagingUpsertJobOptions:NightlyAt", FlagKind.Text),
        new("JOBS_WINDOW", "StagingUpsertJobOptions:Window", FlagKind.Text),
        new("JOBS_TIME_ZONE", "StagingUpsertJobOptions:TimeZone", FlagKind.Text),
        new("JOBS_RUN_IMMEDIATELY", "StagingUpsertJobOptions:RunImmediately", FlagKind.Boolean),
        new("JOBS_MAX_CONCURRENT_PER_SILO", "StagingUpsertJobOptions:MaxConcurrentPerSilo", FlagKind.Integer),
        new("JOB_RETENTION_DAYS", "StagingUpsertJobOptions:RetentionDays", FlagKind.Integer),
        new("JOBS_MAX_OPEN_PER_TENANT", "StagingUpsertJobOptions:MaxOpenPerTenant", FlagKind.Integer),
        new("JOBS_MAX_ROWS_PER_TENANT_PER_WINDOW", "StagingUpsertJobOptions:MaxRowsPerTenantPerWindow", FlagKind.Integer),
        new("RESCORE_BATCH_SIZE", "RescoreJobOptions:BatchSize", FlagKind.Integer),
        new("ENRICHMENT_TIMEOUT_MS", "EnrichmentOptions:ProviderTimeout", FlagKind.Milliseconds),
        new("MIGRATE_ON_START", "DatabaseOptions:MigrateOnStart", FlagKind.Boolean),
        LoggingExtensions.LogFormatFlag,
    ];

    /// <summary>Adds every service of the silo host.</summary>
    public static WebApplicationBuilder AddSiloServices(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddFlags(Flags);
        builder.AddIcpSearchLogging();
        builder.Services.AddIcpSearchGrains(builder.Configuration);
        // Starts loading the sentence-embedding model beside Orleans, so the first search does not pay for it.
        builder.Services.AddHostedService<EmbeddingWarmup>();
        builder.Services.AddHostedService<JobRetentionService>();

        var silo = builder.Configuration.GetSection(nameof(SiloOptions)).Get<SiloOptions>() ?? new SiloOptions();
        if (!IPAddress.TryParse(silo.AdvertisedIp, out var advertisedIp))
        {
            throw new FlagException($"SILO_ADVERTISED_IP must be an IP address (got '{silo.AdvertisedIp}').");
        }

        var connectionString = builder.Configuration.GetConnectionString("IcpSearch")
            ?? throw new FlagException("No database: set ICPSEARCH_DB or ConnectionStrings:IcpSearch.");
        builder.UseOrleans(orleans =>
        {
            orleans.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = silo.ClusterId;
                o.ServiceId = silo.ServiceId;
            });
            orleans.ConfigureEndpoints(advertisedIp, silo.SiloPort, silo.GatewayPort, listenOnAnyHostAddress: true);
            orleans.UseIcpSearchProviders(connectionString);
        });

        builder.UseOperatorSurface();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddIcpSearchMetrics("icpsearch-silo", GrainInstruments.MeterName, "Microsoft.Orleans");
        return builder;
    }

    /// <summary>Applies pending migrations unless <c>MIGRATE_ON_START=false</c>; the Orleans providers read their queries from the schema at start.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        // Settings are checked before anything touches the database, so a bad flag is reported as such.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStart)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(options.ConnectionString);
        }
    }

    /// <summary>Maps the health endpoint, Prometheus metrics and the Orleans dashboard (behind basic auth when credentials are set).</summary>
    public static WebApplication MapSiloEndpoints(this WebApplication app)
    {
        var http = app.Services.GetRequiredService<IOptions<SiloHttpOptions>>().Value;
        app.MapHealthChecks("/healthz");
        app.MapIcpSearchMetrics();
        var dashboard = app.MapOrleansDashboard(routePrefix: "/dashboard");
        if (http.DashboardProtected)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            dashboard.RequireAuthorization();
        }

        app.MapGet("/", () => Results.Redirect("/dashboard/"));
        // Create the meter now, so /metrics lists the instruments before the first search or batch records anything.
        _ = app.Services.GetRequiredService<GrainInstruments>();
        return app;
    }

    // One HTTP listener, on the loopback interface unless SILO_HTTP_BIND says otherwise; nothing else listens besides
    // the Orleans silo and gateway ports.
    private static void UseOperatorSurface(this WebApplicationBuilder builder)
    {
        var http = builder.Configuration.GetSection(nameof(SiloHttpOptions)).Get<SiloHttpOptions>() ?? new SiloHttpOptions();
        var validator = new SiloHttpOptionsValidator();
        if (validator.Validate(null, http) is { Failed: true } invalid)
        {
            throw new FlagException(invalid.FailureMessage);
        }

        builder.Services.AddOptions<SiloHttpOptions>().BindConfiguration(nameof(SiloHttpOptions)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiloHttpOptions>>(validator);
        if (http.Port is not null || string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            var address = IPAddress.Parse(http.Bind);
            var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
            builder.WebHost.UseUrls($"http://{host}:{http.Port ?? DefaultHttpPort}");
        }

        builder.Services.AddDashboardAuthentication(http);
    }
}
