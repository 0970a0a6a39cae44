using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Jobs;
using IcpSearch.Grains.Pipeline;

namespace IcpSearch.Tests.Jobs;

[Collection(RescoreClusterCollection.Name)]
public sealed class RescoreJobGrainTests(RescoreClusterFixture fixture)
{
    private const int Scores = 8_000;

    private static readonly IcpProfile Manufacturing = IcpProfile.Default with { TargetSsicCodes = ["C"], MinOfficers = 10 };

    private static readonly IcpProfile WholesaleInJurong = new(
        ["46"], 5, 20, ["Local Company"], [], 2, 30, ["22"], new IcpWeights(30, 10, 20, 20, 10, 10));

    private static string NewTenant() => "rescore-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task SetIcpProfileAsync_ShouldRescoreEveryScoreOfTheTenantOnly_WhenTheProfileChanges()
    {
        // Arrange: two tenants score the same companies.
        var tenant = NewTenant();
        var other = NewTenant();
        await SeedAsync(tenant, Scores, other);
        var otherBefore = await ScoresOfAsync(other);

        // Act
        await fixture.Grains.GetTenantSearchGrain(tenant).SetIcpProfileAsync(WholesaleInJurong);
        var done = await WaitForDoneAsync(tenant);

        // Assert
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal(NpgsqlRescoreJobStore.JobType, done.JobType);
        Assert.Equal(Scores, done.Total);
        Assert.Equal(Scores, done.Processed);
        Assert.Equal(0, done.Remaining);
        Assert.Equal((int)Math.Ceiling(Scores / (double)RescoreClusterFixture.BatchSize), done.Batches);
        await AssertScoredUnderAsync(tenant, await fixture.Grains.GetTenantSearchGrain(tenant).GetIcpProfileAsync());
        Assert.Equal(otherBefore, await ScoresOfAsync(other));
        Assert.Equal(("done", (long)Scores, (long)Scores, (string?)null), await JobAssertions.MirrorAsync(fixture, done.JobId));
        Assert.Equal((long)Scores, await fixture.ScalarAsync<long>("SELECT coalesce(sum(rows), 0)::bigint FROM job_batches WHERE job_id = @id", ("id", done.JobId)));
        var listed = await fixture.Grains.GetGrain<IJobQueryGrain>(0).ListAsync(new JobsQueryRequest(tenant, 10, null, null));
        var row = Assert.Single(listed.Items);
        Assert.Equal((done.JobId, "rescore", JobStatus.Done, (long)Scores, (long)Scores), (row.JobId, row.JobType, row.Status, row.Processed, row.Total));
        Assert.Empty(row.Terms);
    }

    [Fact]
    public async Task SetIcpProfileAsync_ShouldRestartTheRunningRescoreAndEndUnderTheLatestProfile_WhenTheProfileChangesMidRun()
    {
        // Arrange
        var tenant = NewTenant();
        await SeedAsync(tenant, Scores);
        var search = fixture.Grains.GetTenantSearchGrain(tenant);
        await search.SetIcpProfileAsync(Manufacturing);
        var jobId = await OpenJobIdAsync(tenant);
        var job = fixture.Grains.GetGrain<IRescoreJobGrain>(jobId);
        var midway = await Eventually.Until(job.GetStatusAsync, s => s.Processed >= 3 * RescoreClusterFixture.BatchSize, TimeSpan.FromSeconds(60), "three batches");

        // Act: two newer profiles while the first pass runs; the second change leaves the first one's pass behind too.
        await search.SetIcpProfileAsync(IcpProfile.Default);
        await search.SetIcpProfileAsync(WholesaleInJurong);
        var done = await WaitForDoneAsync(tenant);

        // Assert
        Assert.Equal(JobStatus.Running, midway.Status);
        Assert.True(midway.Processed < Scores, "the profile should change while the first pass runs");
        Assert.Equal(jobId, done.JobId);
        Assert.Equal((long)Scores, done.Processed);
        Assert.Equal((long)Scores, done.Total);
        Assert.True(done.Batches > Scores / RescoreClusterFixture.BatchSize, "the restarted pass walks every score again");
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
        await AssertScoredUnderAsync(tenant, await search.GetIcpProfileAsync());
    }

    [Fact]
    public async Task Rescore_ShouldCatchUpOnScoresWrittenBehindItsCursor_WhenAnotherWriterUsedAnOlderProfile()
    {
        // Arrange
        var tenant = NewTenant();
        await SeedAsync(tenant, Scores);
        await fixture.Grains.GetTenantSearchGrain(tenant).SetIcpProfileAsync(WholesaleInJurong);
        var job = fixture.Grains.GetGrain<IRescoreJobGrain>(await OpenJobIdAsync(tenant));
        var midway = await Eventually.Until(job.GetStatusAsync, s => s.Processed >= 5 * RescoreClusterFixture.BatchSize, TimeSpan.FromSeconds(60), "five batches");

        // Act: a writer still on the previous profile (a staging batch or a search in flight when the profile changed)
        // rewrites scores the walk has already passed, as the pipeline does (scored_at = now()).
        var rewritten = await fixture.ScalarAsync<int>("""
            WITH w AS (
                UPDATE lead_scores SET score = 1, bucket = 'low', rationale = 'older profile', scored_at = now()
                WHERE tenant_id = @t AND company_id IN (SELECT company_id FROM lead_scores WHERE tenant_id = @t ORDER BY company_id LIMIT 50)
                RETURNING 1)
            SELECT count(*)::int FROM w
            """, ("t", tenant));
        var done = await WaitForDoneAsync(tenant);

        // Assert
        Assert.True(midway.Processed < Scores, "the rewrite should land while the walk runs");
        Assert.Equal(50, rewritten);
        Assert.Equal(JobStatus.Done, done.Status);
        Assert.Equal(((long)Scores, (long)Scores), (done.Processed, done.Total));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t AND rationale = 'older profile'", ("t", tenant)));
        await AssertScoredUnderAsync(tenant, await fixture.Grains.GetTenantSearchGrain(tenant).GetIcpProfileAsync());
    }

    [Fact]
    public async Task SetIcpProfileAsync_ShouldStartANewRescore_WhenThePreviousOneHasEnded()
    {
        // Arrange
        var tenant = NewTenant();
        await SeedAsync(tenant, 500);
        var search = fixture.Grains.GetTenantSearchGrain(tenant);
        await search.SetIcpProfileAsync(Manufacturing);
        var first = await WaitForDoneAsync(tenant);

        // Act
        await search.SetIcpProfileAsync(WholesaleInJurong);
        var second = await WaitForDoneAsync(tenant, exceptJob: first.JobId);

        // Assert
        Assert.NotEqual(first.JobId, second.JobId);
        Assert.Equal((500L, 500L), (second.Processed, second.Total));
        Assert.Equal(JobStatus.Done, (await fixture.Grains.GetGrain<IRescoreJobGrain>(first.JobId).GetStatusAsync()).Status);
        await AssertScoredUnderAsync(tenant, await search.GetIcpProfileAsync());
    }

    [Fact]
    public async Task SetIcpProfileAsync_ShouldStartNoRescore_WhenTheSavedProfileScoresAlike()
    {
        // Arrange: a re-score ran to done under Manufacturing.
        var tenant = NewTenant();
        await SeedAsync(tenant, 200);
        var search = fixture.Grains.GetTenantSearchGrain(tenant);
        await search.SetIcpProfileAsync(Manufacturing);
        var first = await WaitForDoneAsync(tenant);

        // Act: the same profile again, spelled differently (lower case, repeated, reordered lists are normalised).
        await search.SetIcpProfileAsync(Manufacturing with { TargetSsicCodes = [.. Manufacturing.TargetSsicCodes.Select(c => c.ToLowerInvariant()), .. Manufacturing.TargetSsicCodes] });

        // Assert
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM background_jobs WHERE tenant_id = @t AND job_type = 'rescore'", ("t", tenant)));
        Assert.Equal(JobStatus.Done, (await fixture.Grains.GetGrain<IRescoreJobGrain>(first.JobId).GetStatusAsync()).Status);
    }

    [Fact]
    public async Task Rescore_ShouldResumeOnAnotherSiloWithoutLosingAScore_WhenItsSiloIsKilledMidRun()
    {
        // Arrange
        var tenant = NewTenant();
        await SeedAsync(tenant, Scores);
        await fixture.Grains.GetTenantSearchGrain(tenant).SetIcpProfileAsync(WholesaleInJurong);
        var job = fixture.Grains.GetGrain<IRescoreJobGrain>(await OpenJobIdAsync(tenant));
        var running = await Eventually.Until(job.GetStatusAsync, s => s.Processed >= 3 * RescoreClusterFixture.BatchSize, TimeSpan.FromSeconds(60), "three batches");
        var host = fixture.Cluster.Silos.Single(s => s.SiloAddress.ToString() == running.Silo);

        try
        {
            // Act: only the job's recovery reminder, now served by the survivor, can wake it again.
            await fixture.Cluster.KillSiloAsync(host, TestContext.Current.CancellationToken);
            var mirror = await Eventually.Until(() => JobAssertions.MirrorAsync(fixture, running.JobId), m => m.Status != "running",
                TimeSpan.FromSeconds(120), "the job to finish on the surviving silo");
            var done = await job.GetStatusAsync();

            // Assert
            Assert.True(running.Processed < Scores, "the run should have been interrupted part-way");
            Assert.Equal(("done", (long)Scores, (long)Scores, (string?)null), mirror);
            Assert.Equal(JobStatus.Done, done.Status);
            Assert.NotEqual(running.Silo, done.Silo);
            Assert.Equal((long)Scores, await fixture.ScalarAsync<long>("SELECT coalesce(sum(rows), 0)::bigint FROM job_batches WHERE job_id = @id", ("id", running.JobId)));
            Assert.Equal((long)Scores, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", tenant)));
            await AssertScoredUnderAsync(tenant, await fixture.Grains.GetTenantSearchGrain(tenant).GetIcpProfileAsync());
        }
        finally
        {
            await fixture.Cluster.StartAdditionalSiloAsync();
        }
    }

    [Fact]
    public async Task RetryAsync_ShouldStartOverUnderTheCurrentProfile_WhenTheProfileChangedWhileTheJobWasInError()
    {
        // Arrange: the companies table loses a column the re-score reads, so the job retries and ends in error.
        var tenant = NewTenant();
        await SeedAsync(tenant, 1_000);
        var search = fixture.Grains.GetTenantSearchGrain(tenant);
        JobSnapshot failed;
        JobSnapshot newer;
        await fixture.ScalarAsync<int>("ALTER TABLE companies RENAME COLUMN officers TO officers_moved; SELECT 1");
        try
        {
            await search.SetIcpProfileAsync(Manufacturing);
            failed = await WaitForDoneAsync(tenant);
        }
        finally
        {
            await fixture.ScalarAsync<int>("ALTER TABLE companies RENAME COLUMN officers_moved TO officers; SELECT 1");
        }

        // A newer profile meanwhile: the errored job is not open, so a new one starts and finishes under it.
        await search.SetIcpProfileAsync(WholesaleInJurong);
        newer = await WaitForDoneAsync(tenant, exceptJob: failed.JobId);

        // Act
        var job = fixture.Grains.GetGrain<IRescoreJobGrain>(failed.JobId);
        await job.RetryAsync();
        var retried = await Eventually.Until(job.GetStatusAsync, s => s.Status.IsTerminal(), TimeSpan.FromSeconds(60), "the retried re-score to end");

        // Assert
        Assert.Equal(JobStatus.Error, failed.Status);
        Assert.Equal("staging_schema_mismatch", failed.ErrorCode);
        Assert.Contains("SQLSTATE 42703", failed.Error);
        Assert.DoesNotContain("officers", failed.Error);
        Assert.Equal(JobStatus.Done, newer.Status);
        Assert.Equal(JobStatus.Done, retried.Status);
        Assert.Equal((1_000L, 1_000L), (retried.Processed, retried.Total));
        await AssertScoredUnderAsync(tenant, await search.GetIcpProfileAsync());
    }

    private async Task<long> OpenJobIdAsync(string tenant)
        => await fixture.ScalarAsync<long>(
            "SELECT job_id FROM background_jobs WHERE tenant_id = @t AND job_type = 'rescore' AND status IN ('queued', 'running')", ("t", tenant));

    private async Task<JobSnapshot> WaitForDoneAsync(string tenant, long exceptJob = 0)
    {
        var jobId = await Eventually.Until(
            () => fixture.ScalarAsync<long>("SELECT coalesce(max(job_id), 0) FROM background_jobs WHERE tenant_id = @t AND job_type = 'rescore'", ("t", tenant)),
            id => id > 0 && id != exceptJob, TimeSpan.FromSeconds(30), "the re-scoring job");
        return await Eventually.Until(fixture.Grains.GetGrain<IRescoreJobGrain>(jobId).GetStatusAsync, s => s.Status.IsTerminal(), TimeSpan.FromSeconds(120), "the re-score to end");
    }

    // Every score of the tenant is the model's verdict on the company's facts under the profile (and, with no target
    // industries, on the industry grade the score kept from its search).
    private async Task AssertScoredUnderAsync(string tenant, IcpProfile profile)
    {
        var model = new IcpScoreModel(profile, [], DateOnly.FromDateTime(DateTime.UtcNow));
        await using var command = fixture.DataSource.CreateCommand("""
            SELECT l.company_id, c.industry_code, c.secondary_ssic_code, c.entity_status, coalesce(c.sg_registered, false),
                   c.incorporation_year, c.officers, c.entity_type, c.postal_code, l.searched_industry_grade, l.score, l.bucket, l.rationale
            FROM lead_scores l JOIN companies c USING (company_id)
            WHERE l.tenant_id = @t
            """);
        command.Parameters.AddWithValue("t", tenant);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        var distinctScores = new HashSet<int>();
        while (await reader.ReadAsync())
        {
            rows++;
            var facts = new ScoreFacts(Text(reader, 1), Text(reader, 2), Text(reader, 3), reader.GetBoolean(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), Text(reader, 7), Text(reader, 8));
            var expected = model.Score(facts, reader.IsDBNull(9) ? IcpScoreModel.Full : reader.GetInt16(9));
            var actual = (Score: (int)reader.GetInt16(10), Bucket: reader.GetString(11), Rationale: reader.GetString(12));
            Assert.True((expected.Score, expected.Bucket, expected.Rationale) == actual,
                $"company {reader.GetInt64(0)}: expected {expected.Score} {expected.Bucket} '{expected.Rationale}', got {actual}");
            distinctScores.Add(actual.Score);
        }

        Assert.True(rows > 0, "the tenant should have scores");
        // The seeded facts vary, so a profile that grades them spreads the scores (a pass that wrote one value would not).
        Assert.True(distinctScores.Count >= 5, $"expected the scores to spread, got {string.Join(", ", distinctScores)}");
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private async Task<Dictionary<long, (short, string, string, DateTime)>> ScoresOfAsync(string tenant)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT company_id, score, bucket, rationale, scored_at FROM lead_scores WHERE tenant_id = @t");
        command.Parameters.AddWithValue("t", tenant);
        var result = new Dictionary<long, (short, string, string, DateTime)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetInt64(0)] = (reader.GetInt16(1), reader.GetString(2), reader.GetString(3), reader.GetDateTime(4));
        }

        return result;
    }

    // Companies with varied facts, each scored 0 'seeded' for the tenant (and for otherTenant too, when given).
    private async Task SeedAsync(string tenant, int count, string? otherTenant = null)
    {
        await using var command = fixture.DataSource.CreateCommand("""
            WITH c AS (
                INSERT INTO companies (uen, name, industry_code, secondary_ssic_code, entity_status, sg_registered, incorporation_year,
                                       officers, entity_type, postal_code, enrichment_status)
                SELECT @prefix || lpad(g::text, 7, '0'), 'Rescore ' || g,
                       (ARRAY['10101', '46100', '46521', '47110', '62011', NULL])[1 + g % 6],
                       CASE WHEN g % 4 = 0 THEN (ARRAY['46900', '25111', '70201'])[1 + g % 3] END,
                       CASE WHEN g % 9 = 0 THEN 'Struck Off' ELSE 'Live Company' END, g % 9 <> 0,
                       CASE WHEN g % 11 = 0 THEN NULL ELSE 1980 + g % 46 END,
                       CASE WHEN g % 13 = 0 THEN NULL ELSE g % 61 END,
                       (ARRAY['Local Company', 'Sole Proprietorship/ Partnership', 'Limited Liability Partnership'])[1 + g % 3],
                       CASE WHEN g % 7 = 0 THEN NULL ELSE lpad(((g * 7919) % 830000)::text, 6, '0') END, 'ok'
                FROM generate_series(1, @count) g
                RETURNING company_id, uen)
            INSERT INTO lead_scores (tenant_id, company_id, score, bucket, rationale, searched_industry_grade)
            SELECT t, company_id, 0, 'low', 'seeded', CASE WHEN company_id % 3 = 0 THEN NULL ELSE (company_id % 3) * 350 END
            FROM c CROSS JOIN unnest(@tenants) t
            """);
        command.Parameters.AddWithValue("prefix", "R" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant());
        command.Parameters.AddWithValue("count", count);
        command.Parameters.AddWithValue("tenants", otherTenant is null ? new[] { tenant } : [tenant, otherTenant]);
        await command.ExecuteNonQueryAsync();
    }
}
