using IcpSearch.Grains.Jobs;
using Orleans.Dashboard;

namespace IcpSearch.Silo.Extensions;

/// <summary>
/// The Orleans providers of an IcpSearch silo, shared by the silo host and the test clusters.
/// </summary>
public static class OrleansSiloExtensions
{
    /// <summary>The ADO.NET invariant Orleans loads Npgsql by.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Adds ADO.NET clustering, grain storage (<c>jobs</c>, <c>tenants</c>) and reminders on PostgreSQL, the job recovery sweep and the dashboard.</summary>
    public static ISiloBuilder UseIcpSearchProviders(this ISiloBuilder silo, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        foreach (var storage in new[] { "jobs", "tenants" })
        {
            silo.AddAdoNetGrainStorage(storage, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = connectionString;
            });
        }

        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Invariant;
            o.ConnectionString = connectionString;
        });
        silo.AddStartupTask<JobRecoveryStartupTask>();
        silo.AddDashboard();
        return silo;
    }
}
