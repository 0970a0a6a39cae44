using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// POST /chat and the job endpoints over HTTP: their answers, their input rules and the job life cycle.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ChatAndJobsEndpointTests(GatewayFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostChat_ShouldAnswerWithTheNoticeCompaniesAndJob_WhenAnIndustryIsNamed()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var response = await client.PostAsJsonAsync("/chat", new { message = "Manufacturing companies, please" }, Cancel);

        // Assert
        var body = await ProblemAssert.IsJsonAsync(response);
        Assert.Equal(["manufacturing"], body.GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(10, body.GetProperty("companies").GetArrayLength());
        Assert.Equal(10, body.GetProperty("sync_count").GetInt32());
        var total = body.GetProperty("total_matches").GetInt64();
        Assert.Equal(total - 10, body.GetProperty("scheduled").GetInt64());
        Assert.StartsWith("Manufacturing (section C, ", body.GetProperty("notice").GetString());
        Assert.Contains(" codes). Upserted and enriched 10 now; scheduled", body.GetProperty("notice").GetString());
        var company = body.GetProperty("companies")[0];
        foreach (var field in new[] { "company_id", "uen", "name", "industry", "industry_code", "score", "bucket", "rationale", "enrichment_status" })
        {
            Assert.True(company.TryGetProperty(field, out _), $"company lacks {field}");
        }

        var job = await client.GetFromJsonAsync<JsonElement>($"/jobs/{body.GetProperty("job_id").GetInt64()}", Cancel);
        Assert.Equal("queued", job.GetProperty("status").GetString());
        Assert.Equal(total - 10, job.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task PostChat_ShouldAnswer400NamingTheMessage_WhenItIsLongerThan4000Characters()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var response = await client.PostAsJsonAsync("/chat", new { message = new string('m', 4001) }, Cancel);

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid_text", "message");
        Assert.Contains("4001", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{}", "terms")]
    [InlineData("{\"terms\": []}", "terms")]
    [InlineData("{\"terms\": [\"manufacturing\", \"\"]}", "terms[1]")]
    [InlineData("{\"terms\": [\"   \"]}", "terms[0]")]
    [InlineData("{\"terms\": [\"###\"]}", "terms[0]")]
    public async Task PostStagingUpsert_ShouldAnswer400NamingTheField_WhenTermsAreInvalid(string body, string field)
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var response = await client.PostAsync("/jobs/staging_upsert", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed", field);
    }

    [Theory]
    [InlineData(21, 5, "terms", "validation_failed")]
    [InlineData(1, 101, "terms[0]", "invalid_text")]
    public async Task PostStagingUpsert_ShouldAnswer400_WhenTooManyOrTooLongTerms(int count, int length, string field, string code)
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());
        var terms = Enumerable.Range(0, count).Select(i => new string((char)('a' + i % 26), length)).ToArray();

        // Act
        using var response = await client.PostAsJsonAsync("/jobs/staging_upsert", new { terms }, Cancel);

        // Assert
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, code, field);
    }

    [Fact]
    public async Task Jobs_ShouldGoFromQueuedThroughRunNowToDone_WhenDrivenOverHttp()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());

        // Act
        using var created = await client.PostAsJsonAsync("/jobs/staging_upsert", new { terms = new[] { "Rice milling" } }, Cancel);
        var jobId = (await ProblemAssert.IsJsonAsync(created, HttpStatusCode.Accepted)).GetProperty("job_id").GetInt64();
        var queued = await client.GetFromJsonAsync<JsonElement>($"/jobs/{jobId}", Cancel);
        using var run = await client.PostAsync($"/jobs/{jobId}/run", null, Cancel);
        var done = await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/jobs/{jobId}", Cancel),
            j => j.GetProperty("status").GetString() is "done" or "error", TimeSpan.FromSeconds(60), "the job to finish");
        using var runAgain = await client.PostAsync($"/jobs/{jobId}/run", null, Cancel);
        using var cancel = await client.PostAsync($"/jobs/{jobId}/cancel", null, Cancel);

        // Assert
        Assert.Equal($"/jobs/{jobId}", created.Headers.Location?.OriginalString);
        foreach (var field in new[] { "job_id", "job_type", "status", "processed", "total", "remaining", "batches", "error", "error_code", "created_at", "started_at", "ended_at", "next_run_at" })
        {
            Assert.True(queued.TryGetProperty(field, out _), $"job lacks {field}");
        }

        Assert.Equal("queued", queued.GetProperty("status").GetString());
        Assert.Equal("staging_upsert", queued.GetProperty("job_type").GetString());
        Assert.NotEqual(JsonValueKind.Null, queued.GetProperty("next_run_at").ValueKind);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal(done.GetProperty("total").GetInt64(), done.GetProperty("processed").GetInt64());
        Assert.Equal(0, done.GetProperty("remaining").GetInt64());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("next_run_at").ValueKind);
        await ProblemAssert.IsProblemAsync(runAgain, HttpStatusCode.Conflict, "job_state_conflict");
        await ProblemAssert.IsProblemAsync(cancel, HttpStatusCode.Conflict, "job_state_conflict");
    }

    [Fact]
    public async Task GetJobs_ShouldPageNewestFirstAndRejectBadCursors()
    {
        // Arrange
        using var client = fixture.Client(GatewayFixture.NewTenant());
        var ids = new List<long>();
        foreach (var term in new[] { "hotels", "banks", "restaurants" })
        {
            using var created = await client.PostAsJsonAsync("/jobs/staging_upsert", new { terms = new[] { term } }, Cancel);
            ids.Add((await ProblemAssert.IsJsonAsync(created, HttpStatusCode.Accepted)).GetProperty("job_id").GetInt64());
        }

        // Act
        var first = await client.GetFromJsonAsync<JsonElement>("/jobs?limit=2", Cancel);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/jobs?limit=2&after={cursor}", Cancel);
        using var badLimit = await client.GetAsync("/jobs?limit=201", Cancel);
        using var badCursor = await client.GetAsync("/jobs?after=yesterday", Cancel);

        // Assert
        var seen = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(j => j.GetProperty("job_id").GetInt64()).ToList();
        Assert.Equal(ids.AsEnumerable().Reverse(), seen);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        await ProblemAssert.IsProblemAsync(badLimit, HttpStatusCode.BadRequest, "validation_failed", "limit");
        await ProblemAssert.IsProblemAsync(badCursor, HttpStatusCode.BadRequest, "validation_failed", "after");
    }

    [Fact]
    public async Task JobsByStatusAndRetry_ShouldFilterAndRefuse_WhenDrivenOverHttp()
    {
        // Arrange: one cancelled job and one still queued.
        using var client = fixture.Client(GatewayFixture.NewTenant());
        using var other = fixture.Client(GatewayFixture.NewTenant());
        var ids = new List<long>();
        foreach (var term in new[] { "hotels", "banks" })
        {
            using var created = await client.PostAsJsonAsync("/jobs/staging_upsert", new { terms = new[] { term } }, Cancel);
            ids.Add((await ProblemAssert.IsJsonAsync(created, HttpStatusCode.Accepted)).GetProperty("job_id").GetInt64());
        }

        using var cancelled = await client.PostAsync($"/jobs/{ids[0]}/cancel", null, Cancel);

        // Act
        var onlyCancelled = await client.GetFromJsonAsync<JsonElement>("/jobs?status=cancelled", Cancel);
        var errored = await client.GetFromJsonAsync<JsonElement>("/jobs?status=error", Cancel);
        using var badStatus = await client.GetAsync("/jobs?status=failed", Cancel);
        using var retryQueued = await client.PostAsync($"/jobs/{ids[1]}/retry", null, Cancel);
        using var retryForeign = await other.PostAsync($"/jobs/{ids[1]}/retry", null, Cancel);

        // Assert
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal([ids[0]], onlyCancelled.GetProperty("items").EnumerateArray().Select(j => j.GetProperty("job_id").GetInt64()));
        Assert.Empty(errored.GetProperty("items").EnumerateArray());
        await ProblemAssert.IsProblemAsync(badStatus, HttpStatusCode.BadRequest, "validation_failed", "status");
        await ProblemAssert.IsProblemAsync(retryQueued, HttpStatusCode.Conflict, "job_state_conflict");
        await ProblemAssert.IsProblemAsync(retryForeign, HttpStatusCode.NotFound, "job_not_found");
    }
}
