using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Jobs;
using IcpSearch.Grains.Pipeline;
using Microsoft.Extensions.Options;

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
        var store = new NpgsqlJobStore(fixture.DataSource, new NpgsqlCompanyStore(fixture.DataSource, Options.Create(new EnrichmentOptions())));
        var tenant = "cap-" + Guid.NewGuid().ToString("N")[..8];
        var other = "cap-" + Guid.NewGuid().ToString("N")[..8];
        var ct = TestContext.Current.CancellationToken;
        async Task<(long Id, long? Holder)> CreateAsync(string t, int i)
        {
            var id = await store.NextJobIdAsync(ct);
            var job = new NewJob(id, StagingUpsertJobGrain.JobType,
                new StagingUpsertJobSpec(t, [$"term{i}"], new MatchSpec([$"{10000 + i}"]), [], 5, "test"), DateTimeOffset.UtcNow.AddHours(1));
            return (id, await store.CreateOrReuseAsync(job, 7, ct));
        }

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => CreateAsync(tenant, i))));
        var firstCreated = results.Select((r, i) => (r, i)).First(p => p.r.Holder is not null);
        var reuse = await CreateAsync(tenant, firstCreated.i);
        var otherTenant = await CreateAsync(other, 0);

        // Assert
        Assert.Equal(7, results.Count(r => r.Holder == r.Id));
        Assert.Equal(33, results.Count(r => r.Holder is null));
        Assert.Equal(7L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
        Assert.Equal(firstCreated.r.Id, reuse.Holder);
        Assert.Equal(otherTenant.Id, otherTenant.Holder);
    }
}
