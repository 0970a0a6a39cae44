using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Tests.Jobs;

namespace IcpSearch.Tests.Foundation;

[Collection(SingleSiloClusterCollection.Name)]
public sealed class OrleansProviderTests(SingleSiloClusterFixture fixture)
{
    [Fact]
    public async Task PersistentState_ShouldBeReadBack_WhenTheSiloRestarts()
    {
        // Arrange
        var tenant = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var profile = new IcpProfile(["C", "62011"], 3, 30, ["Local Company"], ["Live Company"], 2, 50, ["22", "D09"], new IcpWeights(50, 10, 10, 10, 10, 10));
        var stored = await fixture.Grains.GetTenantSearchGrain(tenant).SetIcpProfileAsync(profile);

        // Act
        await fixture.Cluster.RestartSiloAsync(fixture.Cluster.Silos.Single());
        await fixture.Cluster.InitializeClientAsync(TestContext.Current.CancellationToken);
        var read = await Eventually.Until(
            async () => { try { return await fixture.Cluster.Client.GetTenantSearchGrain(tenant).GetIcpProfileAsync(); } catch (Exception) { return null; } },
            p => p is not null, TimeSpan.FromSeconds(60), "the restarted silo to answer");

        // Assert
        Assert.Equal(stored.TargetSsicCodes, read!.TargetSsicCodes);
        Assert.Equal(["22", "09"], read.GetDistricts());
        Assert.Equal(stored with { TargetSsicCodes = read.TargetSsicCodes, EntityTypes = read.EntityTypes, Statuses = read.Statuses, Districts = read.Districts }, read);
        Assert.Equal(new IcpWeights(50, 10, 10, 10, 10, 10), read.Weights);
        Assert.Equal(["Local Company"], read.EntityTypes);
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM orleansstorage WHERE graintypestring = 'tenant-search' AND grainidextensionstring = @t", ("t", TenantGrainKey.For(tenant))));
    }

    [Fact]
    public async Task Reminder_ShouldBeStoredInPostgresAndFire_WhenRegistered()
    {
        // Arrange
        var probe = fixture.Cluster.Client.GetGrain<IReminderProbeGrain>("probe-" + Guid.NewGuid().ToString("N")[..8]);

        // Act
        await probe.StartAsync();
        var stored = await fixture.ScalarAsync<long>("SELECT count(*) FROM orleansreminderstable WHERE remindername = 'probe' AND grainid LIKE 'reminderprobe/%'");
        var ticks = await Eventually.Until(probe.GetTicksAsync, t => t >= 2, TimeSpan.FromSeconds(30), "two reminder ticks");
        await probe.StopAsync();

        // Assert
        Assert.True(stored >= 1);
        Assert.True(ticks >= 2);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM orleansreminderstable WHERE remindername = 'probe' AND grainid LIKE 'reminderprobe/%'"));
    }

    [Fact]
    public async Task NightlyReminder_ShouldStartAQueuedJob_WhenItsWindowOpens()
    {
        // Arrange
        var tenant = "nightly-" + Guid.NewGuid().ToString("N")[..8];
        var created = await fixture.Cluster.Client.GetTenantSearchGrain(tenant).EnqueueStagingUpsertAsync(["construction"]);
        var queued = await JobAssertions.MirrorAsync(fixture, created.JobId);

        // Act: only the reminder can start it; the job's grain is not called again until it is done.
        var mirror = await Eventually.Until(() => JobAssertions.MirrorAsync(fixture, created.JobId), m => m.Status == "done",
            TimeSpan.FromSeconds(90), "the nightly window to run the job");
        var started = await fixture.ScalarAsync<DateTime>("SELECT started_at FROM background_jobs WHERE job_id = @id", ("id", created.JobId));

        // Assert
        Assert.Equal("queued", queued.Status);
        Assert.Equal(created.Total, mirror.Processed);
        Assert.True(new DateTimeOffset(DateTime.SpecifyKind(started, DateTimeKind.Utc)) >= fixture.Window.AddSeconds(-5),
            $"started at {started:o}, before the window {fixture.Window:o}");
        await JobAssertions.AssertWrittenOnceAsync(fixture, tenant, created.Total);
    }
}
