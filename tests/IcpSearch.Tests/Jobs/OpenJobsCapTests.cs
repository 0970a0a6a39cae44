using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Jobs;

namespace IcpSearch.Tests.Jobs;

/// <summary>
/// The job store's cap on open jobs per tenant holds under concurrent creates.
/// </summary>
public sealed class OpenJobsCapTests(EmptyRegistryFixture fixture) : IClassFixture<EmptyRegistryFixture>
{
    [Fact]
    public async Task CreateOrReuseAsync_ShouldNeverPassTheCap_WhenManyCreatesRaceForOneTenant()
    {
        // Arrange: 40 different jobs at once against a cap of 7, plus another tenant that must not be affected.
        var store = new NpgsqlJobStore(fixture.DataSource);
        var tenant = "cap-" + Guid.NewGuid().ToString("N")[..8];
        var other = "cap-" + Guid.NewGuid().ToString("N")[..8];
        NewJob Job(string t, int i) => new(t, StagingUpsertJobGrain.JobType,
            new StagingUpsertJobSpec(t, [$"term{i}"], new MatchSpec([$"{10000 + i}"]), [], 5, "test"));

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => store.CreateOrReuseAsync(Job(tenant, i), 7, TestContext.Current.CancellationToken))));
        var reuse = await store.CreateOrReuseAsync(Job(tenant, results.Select((r, i) => (r, i)).First(p => p.r is not null).i), 7, TestContext.Current.CancellationToken);
        var otherTenant = await store.CreateOrReuseAsync(Job(other, 0), 7, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(7, results.Count(r => r is { Created: true }));
        Assert.Equal(33, results.Count(r => r is null));
        Assert.Equal(7L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
        Assert.NotNull(reuse);
        Assert.False(reuse.Value.Created);
        Assert.True(otherTenant is { Created: true });
    }
}
