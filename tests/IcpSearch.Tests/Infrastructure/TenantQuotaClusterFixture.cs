using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// Two silos whose jobs read their windows (02:00 UTC for 4 hours) from a clock the tests move, with a cap of
/// <see cref="Quota"/> rows per tenant and window, in batches of 100.
/// </summary>
public sealed class TenantQuotaClusterFixture : ClusterFixture
{
    /// <summary>The rows one tenant's jobs may process together in one window.</summary>
    public const int Quota = 750;

    /// <summary>Gets the jobs' clock (shared by the silos of this process).</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero));

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["StagingUpsertJobOptions:NightlyAt"] = "02:00";
        settings["StagingUpsertJobOptions:Window"] = "04:00:00";
        settings["StagingUpsertJobOptions:BatchSize"] = "100";
        settings["StagingUpsertJobOptions:MaxRowsPerRun"] = "100000";
        settings["StagingUpsertJobOptions:MaxConcurrentPerSilo"] = "2";
        settings["StagingUpsertJobOptions:MaxRowsPerTenantPerWindow"] = Quota.ToString(CultureInfo.InvariantCulture);
        settings["Tests:QuotaJobClock"] = "true";
    }
}
