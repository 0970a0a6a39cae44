using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.Grains.Jobs;
using IcpSearch.Grains.Pipeline;
using Microsoft.Extensions.Options;

namespace IcpSearch.Tests.Jobs;

/// <summary>
/// Finished jobs and their batches go after the retention period; open jobs stay however old.
/// </summary>
public sealed class JobRetentionTests(EmptyRegistryFixture fixture) : IClassFixture<EmptyRegistryFixture>
{
    [Fact]
    public async Task PruneAsync_ShouldDeleteOnlyFinishedJobsPastRetention_WithTheirBatches()
    {
        // Arrange: done 31 days ago (with a batch), error 29 days ago, queued since 40 days ago.
        var ct = TestContext.Current.CancellationToken;
        var store = new NpgsqlJobStore(fixture.DataSource, new NpgsqlCompanyStore(fixture.DataSource, Options.Create(new EnrichmentOptions())));
        var tenant = "retention-" + Guid.NewGuid().ToString("N")[..8];
        async Task<long> CreateAsync(int i)
        {
            var id = await store.NextJobIdAsync(ct);
            var spec = new StagingUpsertJobSpec(tenant, [$"term{i}"], new MatchSpec([$"{20000 + i}"]), [], 5, "test");
            Assert.Equal(id, await store.CreateOrReuseAsync(new NewJob(id, StagingUpsertJobGrain.JobType, spec, DateTimeOffset.UtcNow), 100, ct));
            return id;
        }

        var (old, recent, open) = (await CreateAsync(0), await CreateAsync(1), await CreateAsync(2));
        await fixture.ScalarAsync<int>("""
            UPDATE background_jobs SET status = 'done', ended_at = now() - interval '31 days' WHERE job_id = @old;
            UPDATE background_jobs SET status = 'error', ended_at = now() - interval '29 days' WHERE job_id = @recent;
            UPDATE background_jobs SET created_at = now() - interval '40 days' WHERE job_id = @open;
            INSERT INTO job_batches (job_id, batch_no, tenant_id, rows, duration_ms) VALUES (@old, 1, 'x', 5, 1);
            SELECT 1
            """, ("old", old), ("recent", recent), ("open", open));

        // Act
        var deleted = await store.PruneAsync(DateTimeOffset.UtcNow.AddDays(-30), 1000, ct);
        var again = await store.PruneAsync(DateTimeOffset.UtcNow.AddDays(-30), 1000, ct);

        // Assert
        Assert.Equal(1, deleted);
        Assert.Equal(0, again);
        Assert.Null(await store.ReadAsync(old, ct));
        Assert.NotNull(await store.ReadAsync(recent, ct));
        Assert.NotNull(await store.ReadAsync(open, ct));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM job_batches WHERE job_id = @old", ("old", old)));
    }
}
