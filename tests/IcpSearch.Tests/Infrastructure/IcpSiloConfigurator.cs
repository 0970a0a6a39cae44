using IcpSearch.Grains.Extensions;
using IcpSearch.Grains.Jobs;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Tests.Pipeline;
using IcpSearch.Silo.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// Configures a test silo exactly as the silo host does (ADO.NET providers on PostgreSQL, the grains' services),
/// with reminders allowed to tick every few seconds.
/// </summary>
public sealed class IcpSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration.GetConnectionString("IcpSearch")
            ?? throw new InvalidOperationException("The test cluster has no ConnectionStrings:IcpSearch.");
        siloBuilder.UseIcpSearchProviders(connectionString);
        siloBuilder.Services.AddIcpSearchGrains(siloBuilder.Configuration);
        if (siloBuilder.Configuration.GetValue<bool>("Tests:FailingEnrichmentProviders"))
        {
            siloBuilder.Services.AddSingleton<IEnrichmentProvider, ThrowingEnrichmentProvider>();
            siloBuilder.Services.AddSingleton<IEnrichmentProvider, HangingEnrichmentProvider>();
        }

        if (siloBuilder.Configuration.GetValue<bool>("Tests:MovableJobClock"))
        {
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(StagingUpsertJobGrain.ClockKey, WindowClusterFixture.Clock);
        }

        if (siloBuilder.Configuration.GetValue<bool>("Tests:QuotaJobClock"))
        {
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(StagingUpsertJobGrain.ClockKey, TenantQuotaClusterFixture.Clock);
            // The quota test creates its jobs through each silo in turn and needs them to run on both: the default
            // (resource-optimized) placement may put all four on the less loaded silo when the machine is busy.
            siloBuilder.Services.AddSingleton<Orleans.Runtime.PlacementStrategy, Orleans.Runtime.PreferLocalPlacement>();
        }

        siloBuilder.Configure<ReminderOptions>(o =>
        {
            o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
            o.RefreshReminderListPeriod = TimeSpan.FromSeconds(2);
        });
        siloBuilder.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
        });
    }
}
