using System.Diagnostics;
using System.Text.Json;
using System.Threading.RateLimiting;
using IcpSearch.Gateway.Auth;
using IcpSearch.Gateway.Diagnostics;
using IcpSearch.Gateway.Endpoints.Candidates;
using IcpSearch.Gateway.Endpoints.Chat;
using IcpSearch.Gateway.Endpoints.Companies;
using IcpSearch.Gateway.Endpoints.Icp;
using IcpSearch.Gateway.Endpoints.Industries;
using IcpSearch.Gateway.Endpoints.Info;
using IcpSearch.Gateway.Endpoints.Jobs;
using IcpSearch.Gateway.Endpoints.Metrics;
using IcpSearch.Gateway.Endpoints.Scores;
using IcpSearch.Gateway.Endpoints.LangGraph;
using IcpSearch.Gateway.Errors;
using IcpSearch.Gateway.RateLimiting;
using IcpSearch.Gateway.Tenancy;
using IcpSearch.Gateway.TextInput;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Serilog;

namespace IcpSearch.Gateway.Extensions;

/// <summary>
/// Registration and pipeline of the gateway host.
/// </summary>
public static class Extensions
{
    /// <summary>Gets the environment variables the gateway understands and the settings they map onto.</summary>
    public static IReadOnlyList<Flag> Flags { get; } =
    [
        new("ICPSEARCH_DB", "ConnectionStrings:IcpSearch", FlagKind.Text, Secret: true),
        new("CLUSTER_ID", "GatewayOptions:ClusterId", FlagKind.Text),
        new("SERVICE_ID", "GatewayOptions:ServiceId", FlagKind.Text),
        new("GATEWAY_PORT", "GatewayPort", FlagKind.Integer),
        new("MAX_REQUEST_BODY_BYTES", "GatewayOptions:MaxRequestBodyBytes", FlagKind.Integer),
        new("DEFAULT_TENANT", "TenantOptions:DefaultTenant", FlagKind.Text),
        new("REQUIRE_TENANT_CLAIM", "TenantOptions:RequireTenantClaim", FlagKind.Boolean),
        new("CHAT_DEBOUNCE_MS", "ConsoleOptions:ChatDebounceMs", FlagKind.Integer),
        new("AUTH_MODE", "AuthOptions:Mode", FlagKind.Text),
        new("JWT_SIGNING_KEY", "AuthOptions:SigningKey", FlagKind.Text, Secret: true),
        new("JWT_ISSUER", "AuthOptions:Issuer", FlagKind.Text),
        new("JWT_AUDIENCE", "AuthOptions:Audience", FlagKind.Text),
        new("JWT_AUTHORITY", "AuthOptions:Authority", FlagKind.Text),
        new("METRICS_WINDOW_MINUTES", "MetricsOptions:WindowMinutes", FlagKind.Integer),
        new("TTFB_REPORTS_PER_MINUTE", "MetricsOptions:TtfbReportsPerMinute", FlagKind.Integer),
        new("CHAT_RATE_PER_MINUTE", "TenantRateLimitOptions:ChatPerMinute", FlagKind.Integer),
        new("JOBS_CREATE_RATE_PER_MINUTE", "TenantRateLimitOptions:JobCreatesPerMinute", FlagKind.Integer),
        LoggingExtensions.LogFormatFlag,
    ];

    /// <summary>Adds every service of the gateway.</summary>
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddFlags(Flags);
        builder.AddIcpSearchLogging();

        var gateway = builder.Configuration.GetSection(nameof(GatewayOptions)).Get<GatewayOptions>() ?? new GatewayOptions();
        var connectionString = builder.Configuration.GetConnectionString("IcpSearch")
            ?? throw new FlagException("No database: set ICPSEARCH_DB or ConnectionStrings:IcpSearch.");
        if (builder.Configuration.GetValue<int?>("GatewayPort") is { } port)
        {
            builder.WebHost.UseUrls($"http://0.0.0.0:{port}");
        }

        AddValidated<GatewayOptions, GatewayOptionsValidator>(builder.Services);
        AddValidated<ConsoleOptions, ConsoleOptionsValidator>(builder.Services);
        AddValidated<TenantOptions, TenantOptionsValidator>(builder.Services);
        AddValidated<MetricsOptions, MetricsOptionsValidator>(builder.Services);
        builder.Services.AddOptions<TenantRateLimitOptions>().BindConfiguration(nameof(TenantRateLimitOptions))
            .Configure(o =>
            {
                // Development: a developer clicking through the console should never meet a limit they did not set.
                if (builder.Environment.IsDevelopment())
                {
                    o.ChatPerMinute = builder.Configuration.GetValue<int?>("TenantRateLimitOptions:ChatPerMinute") ?? 0;
                    o.JobCreatesPerMinute = builder.Configuration.GetValue<int?>("TenantRateLimitOptions:JobCreatesPerMinute") ?? 0;
                }
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TenantRateLimitOptions>, TenantRateLimitOptionsValidator>();
        builder.AddGatewayAuthentication();

        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = gateway.ClusterId;
                o.ServiceId = gateway.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            });
            client.UseConnectionRetryFilter<WaitForClusterRetryFilter>();
        });

        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "icpsearch-gateway", MaxPoolSize = 10 }.ConnectionString));
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster")
            .AddCheck<DatabaseHealthCheck>("database");

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ITenantContext, HttpTenantContext>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<GatewayInstruments>();
        builder.Services.AddSingleton<OperationsMetricsCollector>();
        builder.AddIcpSearchMetrics("icpsearch-gateway", GatewayInstruments.MeterName, "Microsoft.Orleans");
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(MetricsEndpoints.TtfbPolicy, TtfbPartition);
            o.AddTenantPolicies();
            o.OnRejected = (context, cancellationToken) => RateLimitProblem.WriteAsync(context);
        });
        builder.Services.AddLangGraphApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<GatewayExceptionHandler>();
        // The handler logs what is a server fault (5xx) itself; the middleware's own error event would log every
        // client mistake (a malformed body) as an error.
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.SuppressDiagnosticsCallback = c => c.ExceptionHandledBy == ExceptionHandledType.ExceptionHandlerService);
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        var rejections = new KestrelRejectionProblems();
        builder.Services.AddSingleton(rejections);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = gateway.MaxRequestBodyBytes;
            k.ConfigureEndpointDefaults(rejections.Attach);
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        return builder;
    }

    /// <summary>
    /// Builds the request pipeline: request logs, errors as problems, the console's static files, authentication,
    /// the text rule, tenants, rate limits, timing.
    /// </summary>
    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        GatewayAuthentication.LogAuthMode(app);
        var rejections = app.Services.GetRequiredService<KestrelRejectionProblems>().Subscribe(app.Services.GetRequiredService<DiagnosticListener>());
        app.Lifetime.ApplicationStopped.Register(rejections.Dispose);
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (tenant {Tenant}, trace {TraceId})";
            o.EnrichDiagnosticContext = EnrichRequestLog;
            o.Logger = app.Services.GetService<Serilog.ILogger>();
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeProblemWriter.WriteAsync);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseMiddleware<ChatTimingMiddleware>();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<TextInputMiddleware>();
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseRateLimiter();
        return app;
    }

    /// <summary>Maps every endpoint group.</summary>
    public static WebApplication MapGatewayEndpoints(this WebApplication app)
    {
        app.MapInfoEndpoints();
        app.MapChatEndpoints().RequireTenant().RequireRateLimiting(TenantRateLimits.ChatPolicy);
        app.MapJobsEndpoints().RequireTenant().RequireRateLimiting(TenantRateLimits.JobsPolicy);
        app.MapScoresEndpoints().RequireTenant();
        app.MapCandidatesEndpoints().RequireTenant();
        app.MapCompaniesEndpoints().RequireTenant();
        app.MapIcpEndpoints().RequireTenant();
        app.MapIndustriesEndpoints().RequireAuthorization();
        app.MapLangGraphEndpoints();
        app.MapGroup("").RequireTenant().MapMetricsEndpoints();
        app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthResponseWriter.WriteAsync });
        // The job figures come from the database: each scrape refreshes them first, so the gauges are current.
        app.MapIcpSearchMetrics(scrape => scrape.Use(async (http, next) =>
        {
            await http.RequestServices.GetRequiredService<OperationsMetricsCollector>().CollectAsync(http.RequestAborted);
            await next(http);
        }));
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    private static void AddValidated<TOptions, TValidator>(IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(typeof(TOptions).Name).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }

    // Never the Authorization header, query string or body: only what identifies the request and its outcome.
    private static void EnrichRequestLog(IDiagnosticContext diagnostics, HttpContext http)
    {
        diagnostics.Set("TraceId", Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
        diagnostics.Set("Tenant", http.Items[HttpTenantContext.ItemKey] as string ?? "-");
        diagnostics.Set("Authenticated", http.User.Identity?.IsAuthenticated == true);
    }

    // Per tenant: the endpoint requires one, and tenant resolution runs before the rate limiter.
    private static RateLimitPartition<string> TtfbPartition(HttpContext http)
    {
        var key = (string)http.Items[HttpTenantContext.ItemKey]!;
        var perMinute = http.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value.TtfbReportsPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
