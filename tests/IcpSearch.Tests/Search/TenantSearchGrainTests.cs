using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Tests.Search;

[Collection(SearchClusterCollection.Name)]
public sealed class TenantSearchGrainTests(SearchClusterFixture fixture)
{
    private static string NewTenant() => "t-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task SearchAsync_ShouldUpsertScoreTenAndScheduleTheRest_WhenManufacturingMatchesThousands()
    {
        // Arrange
        var tenant = NewTenant();
        var grain = fixture.Grains.GetTenantSearchGrain(tenant);

        // Act
        var result = await grain.SearchAsync(new SearchRequest("Manufacturing"));

        // Assert
        Assert.Equal(["manufacturing"], result.Terms);
        Assert.True(result.TotalMatches > 1000, $"expected thousands of manufacturing matches, got {result.TotalMatches}");
        Assert.Equal(10, result.Companies.Count);
        Assert.Equal(result.TotalMatches - 10, result.Scheduled);
        Assert.NotNull(result.JobId);
        Assert.False(result.JobReused);
        Assert.Equal("ssic_code", result.MatchedBy);
        Assert.Equal($"Manufacturing (section C, {result.Codes.Count:N0} codes). Upserted and enriched 10 now; scheduled {result.Scheduled:N0} remaining for nightly processing (job {result.JobId}).", result.Notice);
        Assert.Equal([("C", "section", 1)], result.Understood.Industries.Select(i => (i.Code, i.Level, i.Code.Length)));
        Assert.Equal(result.Codes, result.Understood.SsicCodes);
        Assert.Equal(["live"], result.Understood.Filters.Statuses);
        Assert.All(result.Companies, c => Assert.Equal("ok", c.EnrichmentStatus));
        Assert.All(result.Companies, c => Assert.InRange(c.Score, 0, 100));
        var uens = result.Companies.Select(c => c.Uen!).ToArray();
        Assert.Equal(10L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM staging_acra_companies WHERE uen = ANY(@uens) AND (primary_ssic_code = ANY(@codes) OR secondary_ssic_code = ANY(@codes))",
            ("uens", uens), ("codes", result.Codes.ToArray())));
        Assert.Equal(10L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", tenant)));
        Assert.Equal(10L, await fixture.ScalarAsync<long>("SELECT count(*) FROM companies WHERE uen = ANY(@uens)", ("uens", uens)));
        // Each company was enriched when it was written (by this search, or by another within the refresh window).
        Assert.Equal(10L, await fixture.ScalarAsync<long>(
            "SELECT count(DISTINCT company_id) FROM enrichment_runs WHERE company_id = ANY(@ids) AND source = 'registry-firmographics' AND outcome = 'ok'",
            ("ids", result.Companies.Select(c => c.CompanyId).ToArray())));
        Assert.Equal(("queued", 0L, result.Scheduled, (string?)null), await Jobs.JobAssertions.MirrorAsync(fixture, result.JobId!.Value));
    }

    [Fact]
    public async Task SearchAsync_ShouldPickTheSameLiveRowsFirst_WhenRepeated()
    {
        // Arrange
        var tenant = NewTenant();
        var grain = fixture.Grains.GetTenantSearchGrain(tenant);
        var first = await grain.SearchAsync(new SearchRequest("construction"));
        var ids = first.Companies.Select(c => c.CompanyId).ToArray();
        // Two minutes pass (last_seen has one-minute resolution: a company re-seen sooner is not rewritten).
        await fixture.ScalarAsync<int>("UPDATE companies SET last_seen = last_seen - interval '2 minutes' WHERE company_id = ANY(@ids); SELECT 1", ("ids", ids));
        var seenBefore = await fixture.ScalarAsync<DateTime>("SELECT max(last_seen) FROM companies WHERE company_id = ANY(@ids)", ("ids", ids));

        // Act
        var second = await grain.SearchAsync(new SearchRequest("Construction sector"));

        // Assert: same ten companies and rows, the same queued job, last_seen moved forward.
        Assert.Equal(first.Companies.Select(c => c.CompanyId), second.Companies.Select(c => c.CompanyId));
        Assert.Equal(first.JobId, second.JobId);
        Assert.True(second.JobReused);
        Assert.Contains("already queued", second.Notice);
        Assert.Equal(10L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", tenant)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
        var seenAfter = await fixture.ScalarAsync<DateTime>("SELECT min(last_seen) FROM companies WHERE company_id = ANY(@ids)",
            ("ids", second.Companies.Select(c => c.CompanyId).ToArray()));
        Assert.True(seenAfter > seenBefore, $"last_seen should move forward ({seenBefore:o} -> {seenAfter:o})");
        var live = await fixture.ScalarAsync<long>("SELECT count(*) FROM staging_acra_companies WHERE uen = ANY(@uens) AND live_rank = 0",
            ("uens", second.Companies.Select(c => c.Uen!).ToArray()));
        Assert.Equal(10, live);
    }

    [Fact]
    public async Task SearchAsync_ShouldRescoreWithoutRewritingCompanies_WhenRepeatedWithinTheRefreshWindow()
    {
        // Arrange
        var grain = fixture.Grains.GetTenantSearchGrain(NewTenant());
        var otherTenant = NewTenant();
        var other = fixture.Grains.GetTenantSearchGrain(otherTenant);
        var first = await grain.SearchAsync(new SearchRequest("rice milling"));
        var ids = first.Companies.Select(c => c.CompanyId).ToArray();
        var updatedBefore = await fixture.ScalarAsync<DateTime>("SELECT max(updated_at) FROM companies WHERE company_id = ANY(@ids)", ("ids", ids));
        var runsBefore = await fixture.ScalarAsync<long>("SELECT count(*) FROM enrichment_runs WHERE company_id = ANY(@ids)", ("ids", ids));

        // Act: another tenant searches the same industry straight away.
        var second = await other.SearchAsync(new SearchRequest("rice milling"));

        // Assert: same companies, not rewritten, no new enrichment runs, but scored for the second tenant too.
        Assert.NotEmpty(ids);
        Assert.Equal(ids, second.Companies.Select(c => c.CompanyId).ToArray());
        Assert.Equal(updatedBefore, await fixture.ScalarAsync<DateTime>("SELECT max(updated_at) FROM companies WHERE company_id = ANY(@ids)", ("ids", ids)));
        Assert.Equal(runsBefore, await fixture.ScalarAsync<long>("SELECT count(*) FROM enrichment_runs WHERE company_id = ANY(@ids)", ("ids", ids)));
        Assert.Equal((long)ids.Length, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM lead_scores WHERE company_id = ANY(@ids) AND tenant_id = @t", ("ids", ids), ("t", otherTenant)));
    }

    [Fact]
    public async Task SearchAsync_ShouldEnqueueOneJob_WhenIdenticalSearchesRunConcurrently()
    {
        // Arrange
        var tenant = NewTenant();
        var grain = fixture.Grains.GetTenantSearchGrain(tenant);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => grain.SearchAsync(new SearchRequest("Freight transport"))));

        // Assert
        Assert.Single(results.Select(r => r.JobId).Distinct());
        Assert.Equal(5, results.Count(r => r.JobReused));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
        Assert.Equal(10L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", tenant)));
    }

    [Fact]
    public async Task SearchAsync_ShouldWriteOnlyTheMatchesAndScheduleNothing_WhenFewerThanTenMatch()
    {
        // Arrange: three registry rows whose activity no SSIC title mentions, found through the description fallback.
        var tenant = NewTenant();
        // Letters only: a word of digits is not an industry word, and the phrase must be this test's own.
        var phrase = "quantum widgetry " + new string(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + c % 26)).ToArray());
        await StagingSeeder.InsertAsync(fixture.DataSource, Enumerable.Range(1, 3).Select(i =>
            StagingSeeder.Row($"QW{Guid.NewGuid():N}"[..12], $"Widgetry Works {i} Pte. Ltd.", "99099") with { PrimarySsicDescription = phrase.ToUpperInvariant() }));

        // Act
        var result = await fixture.Grains.GetTenantSearchGrain(tenant).SearchAsync(new SearchRequest(phrase));

        // Assert
        Assert.Equal("description", result.MatchedBy);
        Assert.Equal(["99099"], result.Codes);
        Assert.Equal(3, result.TotalMatches);
        Assert.Equal(3, result.Companies.Count);
        Assert.Equal(0, result.Scheduled);
        Assert.Null(result.JobId);
        Assert.Contains("that is every match", result.Notice);
        Assert.Equal(3L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", tenant)));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
    }

    [Theory]
    [InlineData("zzqxv plorf", "No registry companies match")]
    [InlineData("example.com", "website address")]
    [InlineData("industry companies sector", "couldn't find an industry")]
    [InlineData("'; DROP TABLE companies; --", "No registry companies match")]
    public async Task SearchAsync_ShouldAnswerWithANoticeAndWriteNothing_WhenNothingMatches(string message, string notice)
    {
        // Arrange
        var tenant = NewTenant();

        // Act
        var result = await fixture.Grains.GetTenantSearchGrain(tenant).SearchAsync(new SearchRequest(message));

        // Assert
        Assert.Contains(notice, result.Notice);
        Assert.Empty(result.Companies);
        Assert.Null(result.JobId);
        Assert.Equal(0, result.TotalMatches);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM lead_scores WHERE tenant_id = @t", ("t", tenant)));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t", ("t", tenant)));
        Assert.True(await fixture.ScalarAsync<long>("SELECT count(*) FROM staging_acra_companies") > 0, "the registry must survive SQL meta-characters");
    }

    [Fact]
    public async Task SearchAsync_ShouldScoreAgainstTheTenantsIcp_WhenTheProfileIsSet()
    {
        // Arrange: a profile that wants manufacturing only, so construction companies miss the industry points.
        var tenant = NewTenant();
        var grain = fixture.Grains.GetTenantSearchGrain(tenant);
        await grain.SetIcpProfileAsync(new IcpProfile(["c"], null, null, [], [], null, null));

        // Act
        var construction = await grain.SearchAsync(new SearchRequest("construction"));
        var manufacturing = await grain.SearchAsync(new SearchRequest("manufacturing"));

        // Assert
        Assert.Equal(["C"], (await grain.GetIcpProfileAsync()).TargetSsicCodes);
        Assert.All(manufacturing.Companies.Where(c => c.IndustryCode![..2].CompareTo("10") >= 0 && c.IndustryCode[..2].CompareTo("33") <= 0),
            c => Assert.Contains("in ICP target (+35/35)", c.Rationale));
        // A construction company is a target only through a secondary activity in manufacturing, and ranks first for it.
        Assert.All(construction.Companies.Where(c => c.IndustryCode!.StartsWith('4')), c => Assert.Matches(@"^(secondary activity (1|2|3)\d{4} in ICP target \(\+24\.5/35\)|industry 4\d{4} outside ICP target \(\+0/35\))", c.Rationale));
        Assert.True(manufacturing.Companies.Average(c => c.Score) > construction.Companies.Average(c => c.Score));
    }

    [Fact]
    public async Task SetIcpProfileAsync_ShouldLeaveSearchesOnTheSavedProfile_WhileTheWriteIsPendingAndAfterItFails()
    {
        // Arrange: a saved profile targeting construction (F); its storage row locked, so the next write waits.
        var tenant = NewTenant();
        var grain = fixture.Grains.GetTenantSearchGrain(tenant);
        await grain.SetIcpProfileAsync(new IcpProfile(["F"], null, null, [], [], null, null));
        await using var locker = await fixture.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var tx = await locker.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var lockRow = new NpgsqlCommand(
            "SELECT count(*) FROM (SELECT 1 FROM orleansstorage WHERE graintypestring = 'tenant-search' AND grainidextensionstring = @key FOR UPDATE) locked",
            locker, tx))
        {
            lockRow.Parameters.AddWithValue("key", TenantGrainKey.For(tenant));
            Assert.Equal(1L, (long)(await lockRow.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        }

        var lockerPid = locker.ProcessID;
        var pendingWrite = grain.SetIcpProfileAsync(new IcpProfile(["C"], null, null, [], [], null, null));
        await Eventually.Until(
            () => fixture.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE @pid = ANY(pg_blocking_pids(pid))", ("pid", lockerPid)),
            n => n > 0, TimeSpan.FromSeconds(30), "the profile write to wait for the row lock");

        // Act: a search and a read interleave with the pending write; then the write fails.
        var during = await grain.SearchAsync(new SearchRequest("construction"));
        var readDuring = await grain.GetIcpProfileAsync();
        await fixture.ScalarAsync<long>(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE @pid = ANY(pg_blocking_pids(pid))", ("pid", lockerPid));
        await Assert.ThrowsAnyAsync<Exception>(() => pendingWrite);
        await tx.RollbackAsync(TestContext.Current.CancellationToken);
        var readAfter = await grain.GetIcpProfileAsync();
        var after = await grain.SearchAsync(new SearchRequest("construction"));

        // Assert: everything saw the saved profile (construction in target), never the unsaved one.
        Assert.Equal(["F"], readDuring.TargetSsicCodes);
        Assert.Equal(["F"], readAfter.TargetSsicCodes);
        Assert.NotEmpty(during.Companies);
        Assert.All(during.Companies.Where(c => c.IndustryCode!.StartsWith('4')), c => Assert.Contains("in ICP target (+35/35)", c.Rationale));
        Assert.All(after.Companies.Where(c => c.IndustryCode!.StartsWith('4')), c => Assert.Contains("in ICP target (+35/35)", c.Rationale));
        Assert.Equal(["F"], (await fixture.Grains.GetTenantSearchGrain(tenant).SetIcpProfileAsync(new IcpProfile(["F"], null, null, [], [], null, null))).TargetSsicCodes);
    }

    [Theory]
    [InlineData("target_ssic_codes[0]", "Z")]
    [InlineData("max_age_years", "age")]
    public async Task SetIcpProfileAsync_ShouldRejectTheProfileNamingTheField_WhenInvalid(string field, string kind)
    {
        // Arrange
        var grain = fixture.Grains.GetTenantSearchGrain(NewTenant());
        var profile = kind == "age"
            ? new IcpProfile([], 20, 5, [], [], null, null)
            : new IcpProfile(["Z"], null, null, [], [], null, null);

        // Act
        var error = await Assert.ThrowsAsync<InvalidSearchException>(() => grain.SetIcpProfileAsync(profile));

        // Assert
        Assert.Equal(field, error.Field);
        Assert.Equal(IcpProfile.Default, await grain.GetIcpProfileAsync());
    }

    [Fact]
    public async Task SetIcpProfileAsync_ShouldKeepEachTenantsProfile_WhenIdsParseAsTheSameHexNumber()
    {
        // Arrange: ids the ADO.NET provider would store as one integer key were they used bare.
        var hex = "c" + Guid.NewGuid().ToString("N")[..7];
        var number = Random.Shared.Next(1, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] tenants = [hex, hex.ToUpperInvariant(), "0" + hex, number, "0" + number];
        string[] sections = ["A", "B", "C", "D", "E"];

        // Act
        for (var i = 0; i < tenants.Length; i++)
        {
            await fixture.Grains.GetTenantSearchGrain(tenants[i]).SetIcpProfileAsync(new IcpProfile([sections[i]], null, null, [], [], null, null));
        }

        var stored = new List<string>();
        foreach (var tenant in tenants)
        {
            stored.Add((await fixture.Grains.GetTenantSearchGrain(tenant).GetIcpProfileAsync()).TargetSsicCodes.Single());
        }

        // Assert
        Assert.Equal(sections, stored);
        Assert.Equal(tenants.Length, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM orleansstorage WHERE graintypestring = 'tenant-search' AND grainidextensionstring = ANY(@keys)",
            ("keys", tenants.Select(TenantGrainKey.For).ToArray())));
    }

    [Fact]
    public async Task SearchAsync_ShouldSearchAParsedQueryAsTheMessageWouldBe_AndRefuseOneThatIsTooBig()
    {
        // Arrange
        const string message = "Manufacturing companies in the west with at least 2 officers";
        var parsed = IcpSearch.Grains.Search.Understanding.MessageParser.Parse(message);
        var query = new SearchQuery(parsed.Industries, parsed.Filters, parsed.Constraints);

        // Act
        var fromMessage = await fixture.Grains.GetTenantSearchGrain(NewTenant()).SearchAsync(new SearchRequest(message));
        var fromQuery = await fixture.Grains.GetTenantSearchGrain(NewTenant()).SearchAsync(new SearchRequest(null, null, query));
        var tooBig = await Assert.ThrowsAsync<InvalidSearchException>(() => fixture.Grains.GetTenantSearchGrain(NewTenant())
            .SearchAsync(new SearchRequest(null, null, query with { Industries = [.. Enumerable.Range(0, 21).Select(i => $"industry {i}")] })));
        var blank = await Assert.ThrowsAsync<InvalidSearchException>(() => fixture.Grains.GetTenantSearchGrain(NewTenant())
            .SearchAsync(new SearchRequest(null, null, query with { Industries = [" "] })));

        // Assert
        Assert.Equal(fromMessage.TotalMatches, fromQuery.TotalMatches);
        Assert.Equal(fromMessage.Understood.SsicCodes, fromQuery.Understood.SsicCodes);
        Assert.Equal(fromMessage.Notice.Split(". ")[0], fromQuery.Notice.Split(". ")[0]);
        Assert.Equal("query.industries", tooBig.Field);
        Assert.Equal("query.industries", blank.Field);
    }
}
