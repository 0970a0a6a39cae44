using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// Another tenant's jobs, scores, candidates and profile are never returned, through any tenant endpoint.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class IsolationTests(GatewayFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenantEndpoints_ShouldNeverReturnAnotherTenantsData_WhenTwoTenantsShareCompanies()
    {
        // Arrange: A scores 40 companies and names one uniquely; B scores 5 of its own plus one of A's companies.
        var a = GatewayFixture.NewTenant("a");
        var b = GatewayFixture.NewTenant("b");
        var aIds = await LeadSeeder.SeedAsync(fixture.DataSource, a, 40);
        var aNamed = await LeadSeeder.SeedOneAsync(fixture.DataSource, a, "Isolation Probe " + a, 77);
        var bIds = (await LeadSeeder.SeedAsync(fixture.DataSource, b, 5)).Append(aIds[0]).ToList();
        await LeadSeeder.ScoreAsync(fixture.DataSource, b, [aIds[0]], 12);
        using var clientA = fixture.Client(a);
        using var clientB = fixture.Client(b);
        var job = await ProblemAssert.IsJsonAsync(
            await clientA.PostAsJsonAsync("/jobs/staging_upsert", new { terms = new[] { "manufacturing" } }, Cancel), HttpStatusCode.Accepted);
        var jobId = job.GetProperty("job_id").GetInt64();
        await ProblemAssert.IsJsonAsync(await clientA.PutAsJsonAsync("/icp", new { target_ssic_codes = new[] { "C" }, min_age_years = 3 }, Cancel));
        // A's new profile re-scores A's scores (a rescore job), never B's, though they share a company.
        var rescoreId = await Eventually.Until(async () => (await ProblemAssert.IsJsonAsync(await clientA.GetAsync("/jobs?limit=200", Cancel))).GetProperty("items").EnumerateArray()
                .Where(j => j.GetProperty("job_type").GetString() == "rescore" && j.GetProperty("status").GetString() == "done")
                .Select(j => j.GetProperty("job_id").GetInt64()).FirstOrDefault(),
            id => id > 0, TimeSpan.FromSeconds(30), "A's re-score to end");

        // Act + Assert: scores and candidates, JSON and CSV exports, hold exactly B's rows with B's scores.
        Assert.Equal(bIds.Order(), await PageIdsAsync(clientB, "/scores/latest?limit=200"));
        Assert.Equal(bIds.Order(), await PageIdsAsync(clientB, "/candidates?industry=Manufacturing&limit=200"));
        Assert.Equal(bIds.Order(), await CsvIdsAsync(clientB, "/scores/export"));
        Assert.Equal(bIds.Order(), await CsvIdsAsync(clientB, "/candidates/export?industry=Manufacturing"));
        var shared = await ProblemAssert.IsJsonAsync(await clientB.GetAsync("/scores/latest?limit=200", Cancel));
        Assert.Equal(12, shared.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("company_id").GetInt64() == aIds[0]).GetProperty("score").GetInt32());

        // Companies are a shared table, but a lookup lists only the caller's scored companies: which companies exist
        // would otherwise tell B what A searched for.
        var probe = $"/companies?name={Uri.EscapeDataString("Isolation Probe " + a)}";
        var lookupB = await ProblemAssert.IsJsonAsync(await clientB.GetAsync(probe, Cancel));
        Assert.Equal(0, lookupB.GetProperty("items").GetArrayLength());
        var foundA = (await ProblemAssert.IsJsonAsync(await clientA.GetAsync(probe, Cancel))).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(aNamed, foundA.GetProperty("company_id").GetInt64());
        Assert.Equal(await fixture.ScalarAsync<short>("SELECT score FROM lead_scores WHERE tenant_id = @t AND company_id = @id", ("t", a), ("id", aNamed)),
            (short)foundA.GetProperty("score").GetInt32());
        Assert.NotEqual(77, foundA.GetProperty("score").GetInt32());

        // Another tenant's job looks exactly like a missing one, whatever B tries; a re-scoring job too.
        var rescore = await ProblemAssert.IsJsonAsync(await clientA.GetAsync($"/jobs/{rescoreId}", Cancel));
        Assert.Equal(("rescore", "done", 41L, 41L), (rescore.GetProperty("job_type").GetString(), rescore.GetProperty("status").GetString(),
            rescore.GetProperty("processed").GetInt64(), rescore.GetProperty("total").GetInt64()));
        await ProblemAssert.IsProblemAsync(await clientB.GetAsync($"/jobs/{rescoreId}", Cancel), HttpStatusCode.NotFound, "job_not_found");
        await ProblemAssert.IsProblemAsync(await clientB.PostAsync($"/jobs/{rescoreId}/cancel", null, Cancel), HttpStatusCode.NotFound, "job_not_found");
        await ProblemAssert.IsProblemAsync(await clientA.PostAsync($"/jobs/{rescoreId}/cancel", null, Cancel), HttpStatusCode.Conflict, "job_state_conflict");
        await ProblemAssert.IsProblemAsync(await clientB.GetAsync($"/jobs/{jobId}", Cancel), HttpStatusCode.NotFound, "job_not_found");
        await ProblemAssert.IsProblemAsync(await clientB.PostAsync($"/jobs/{jobId}/cancel", null, Cancel), HttpStatusCode.NotFound, "job_not_found");
        await ProblemAssert.IsProblemAsync(await clientB.PostAsync($"/jobs/{jobId}/run", null, Cancel), HttpStatusCode.NotFound, "job_not_found");
        var jobs = await ProblemAssert.IsJsonAsync(await clientB.GetAsync("/jobs?limit=200", Cancel));
        Assert.DoesNotContain(jobs.GetProperty("items").EnumerateArray(), j => j.GetProperty("job_id").GetInt64() == jobId);
        Assert.Equal("queued", (await ProblemAssert.IsJsonAsync(await clientA.GetAsync($"/jobs/{jobId}", Cancel))).GetProperty("status").GetString());

        // Profiles and metrics are per tenant too.
        var profile = await ProblemAssert.IsJsonAsync(await clientB.GetAsync("/icp", Cancel));
        Assert.Equal(0, profile.GetProperty("target_ssic_codes").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("min_age_years").ValueKind);
        var metricsB = await ProblemAssert.IsJsonAsync(await clientB.GetAsync("/api/metrics", Cancel));
        Assert.Equal(bIds.Count, metricsB.GetProperty("lead_scores_total").GetInt64());
        Assert.Equal(0, metricsB.GetProperty("jobs_by_status").GetProperty("queued").GetInt64());
        var metricsA = await ProblemAssert.IsJsonAsync(await clientA.GetAsync("/api/metrics", Cancel));
        Assert.Equal(aIds.Count + 1, metricsA.GetProperty("lead_scores_total").GetInt64());
        Assert.Equal(1, metricsA.GetProperty("jobs_by_status").GetProperty("queued").GetInt64());
    }

    private static async Task<IEnumerable<long>> PageIdsAsync(HttpClient client, string url)
    {
        var page = await ProblemAssert.IsJsonAsync(await client.GetAsync(url, Cancel));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("company_id").GetInt64()).Order().ToList();
    }

    private static async Task<IEnumerable<long>> CsvIdsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = CsvReader.Create(await response.Content.ReadAsByteArrayAsync(Cancel), new CsvReaderOptions { HasHeader = true });
        var ids = new List<long>();
        while (reader.Read())
        {
            ids.Add(long.Parse(reader.GetString("company_id"), CultureInfo.InvariantCulture));
        }

        return ids.Order().ToList();
    }
}
