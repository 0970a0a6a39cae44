using IcpSearch.Grains.ApiKeys;
using IcpSearch.Grains.Database;
using IcpSearch.Grains.Diagnostics;
using IcpSearch.Grains.Import;
using IcpSearch.Grains.Industries;
using IcpSearch.Grains.Jobs;
using IcpSearch.Grains.Leads;
using IcpSearch.Grains.Operations;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;
using IcpSearch.Grains.Search;
using IcpSearch.Grains.Threads;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Extensions;

/// <summary>
/// Registers everything the grains depend on: options, the PostgreSQL data source, stores, the lead pipeline.
/// </summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>Adds the grains' services, binding each options class to the configuration section of its name.</summary>
    public static IServiceCollection AddIcpSearchGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure(o =>
            {
                configuration.GetSection(nameof(DatabaseOptions)).Bind(o);
                o.ConnectionString = configuration.GetConnectionString("IcpSearch") ?? o.ConnectionString;
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>());
        AddValidated<SearchOptions, SearchOptionsValidator>(services);
        AddValidated<StagingUpsertJobOptions, StagingUpsertJobOptionsValidator>(services);
        AddValidated<RescoreJobOptions, RescoreJobOptionsValidator>(services);
        AddValidated<EnrichmentOptions, EnrichmentOptionsValidator>(services);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(StagingUpsertJobGrain.ClockKey, TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<GrainInstruments>();
        services.TryAddSingleton(sp =>
        {
            var builder = new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString);
            builder.ConnectionStringBuilder.ApplicationName ??= "icpsearch-silo";
            // The silo never leaves session state behind, so a pooled connection needs no DISCARD ALL round trip.
            builder.ConnectionStringBuilder.NoResetOnClose = true;
            // The same few statements run on every search and batch: prepare them once per connection instead of
            // parsing and planning them each time (planning the pipeline's upsert cost more than running it).
            if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
            {
                builder.ConnectionStringBuilder.MaxAutoPrepare = 32;
                builder.ConnectionStringBuilder.AutoPrepareMinUsages = 3;
            }
            return builder.Build();
        });

        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<SsicImporter>();
        services.TryAddSingleton<AcraImporter>();
        services.TryAddSingleton<IStagingRegistry, NpgsqlStagingRegistry>();
        // arctic-embed-xs, chosen over all-MiniLM-L6-v2 on the labelled set (bench/run.sh resolve); one per process.
        services.TryAddSingleton<ITextEmbedder>(ArcticXsEmbedder.Shared);
        services.TryAddSingleton<NpgsqlSsicReferenceStore>();
        services.TryAddSingleton<IIndustryResolver, NpgsqlIndustryResolver>();
        services.TryAddSingleton<NpgsqlIndustryCatalog>();
        services.TryAddSingleton<NpgsqlCompanyStore>();
        services.TryAddSingleton<ICompanyStore>(sp => sp.GetRequiredService<NpgsqlCompanyStore>());
        services.TryAddSingleton<IJobStore, NpgsqlJobStore>();
        services.TryAddSingleton<IRescoreJobStore, NpgsqlRescoreJobStore>();
        services.TryAddSingleton(sp =>
        {
            var jobs = sp.GetRequiredService<IOptions<StagingUpsertJobOptions>>().Value;
            return new JobTurnLimiter(jobs.MaxConcurrentPerSilo, jobs.TurnPollInterval * 5, TimeProvider.System);
        });
        services.TryAddSingleton<ILeadStore, NpgsqlLeadStore>();
        services.TryAddSingleton<NpgsqlOperationsStore>();
        services.TryAddSingleton<IThreadStore, NpgsqlThreadStore>();
        services.TryAddSingleton<IApiKeyStore, NpgsqlApiKeyStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEnrichmentProvider, RegistryFirmographicsProvider>());
        services.TryAddSingleton<ILeadPipeline, LeadPipeline>();
        return services;
    }

    private static void AddValidated<TOptions, TValidator>(IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(typeof(TOptions).Name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
    }
}
