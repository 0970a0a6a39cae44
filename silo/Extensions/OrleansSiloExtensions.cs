using IcpSearch.Grains.Jobs;
using Orleans.Runtime.Hosting;
using Orleans.Dashboard;

namespace IcpSearch.Silo.Extensions;

/// <summary>
/// The Orleans providers of an IcpSearch silo, shared by the silo host and the test clusters.
/// </summary>
public static class OrleansSiloExtensions
{
    /// <summary>The ADO.NET invariant Orleans loads Npgsql by.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Adds ADO.NET clustering, grain storage (<c>tenants</c> on ADO.NET, <c>jobs</c> and <c>rescore-jobs</c> on their <c>background_jobs</c> rows) and reminders on PostgreSQL, and the dashboard.</summary>
    public static ISiloBuilder UseIcpSearchProviders(this ISiloBuilder silo, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorage("tenants", o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });

        // A job's grain state is its background_jobs row: one truth, so nothing needs reconciling or sweeping at start.
        silo.Services.AddGrainStorage(BackgroundJobGrainStorage.Name, (sp, _) => ActivatorUtilities.CreateInstance<BackgroundJobGrainStorage>(sp));
        silo.Services.AddGrainStorage(RescoreJobGrainStorage.Name, (sp, _) => ActivatorUtilities.CreateInstance<RescoreJobGrainStorage>(sp));

        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddDashboard();
        return silo;
    }
}
