using Microsoft.Extensions.Time.Testing;

namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// One silo whose jobs read their windows (02:00 UTC for 4 hours) from a clock the tests move; runs yield every
/// 1,000 rows, with batches of 100.
/// </summary>
public sealed class WindowClusterFixture : ClusterFixture
{
    /// <summary>The rows one turn processes in this cluster.</summary>
    public const int TurnCap = 1000;

    /// <summary>Gets the jobs' clock (shared by the silos of this process: one such fixture at a time).</summary>
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    protected override short Silos => 1;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["StagingUpsertJobOptions:NightlyAt"] = "02:00";
        settings["StagingUpsertJobOptions:Window"] = "04:00:00";
        settings["StagingUpsertJobOptions:BatchSize"] = "100";
        settings["StagingUpsertJobOptions:BatchPause"] = "00:00:00.050";
        settings["StagingUpsertJobOptions:MaxRowsPerRun"] = TurnCap.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["StagingUpsertJobOptions:YieldDelay"] = "00:00:01";
        settings["Tests:MovableJobClock"] = "true";
    }
}
