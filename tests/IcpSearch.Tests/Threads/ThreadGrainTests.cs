using System.Text.Json.Nodes;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.GrainInterfaces.Threads;

namespace IcpSearch.Tests.Threads;

[Collection(SearchClusterCollection.Name)]
public sealed class ThreadGrainTests(SearchClusterFixture fixture)
{
    private static string NewTenant() => "th-" + Guid.NewGuid().ToString("N")[..10];

    private static RunInput Input(string text, double afterSeconds = 0)
        => new($$"""[{"type":"human","id":"{{Guid.NewGuid()}}","content":"{{text}}"}]""", text, "agent", "assistant", afterSeconds, "http://console.test/");

    private static async Task<RunOutcome> RunToEndAsync(IThreadGrain thread, string tenant, string text)
    {
        var started = await thread.StartRunAsync(tenant, Input(text));
        RunOutcome? outcome;
        while ((outcome = await thread.WaitRunAsync(tenant, started.RunId, TimeSpan.FromSeconds(5))) is null)
        {
        }

        return outcome;
    }

    [Fact]
    public async Task Runs_ShouldAnswerWithTheSearch_AndRefineThePreviousQuery_WhenAFollowUpDropsAnIndustry()
    {
        // Arrange
        var tenant = NewTenant();
        var thread = fixture.Grains.GetGrain<IThreadGrain>(Guid.NewGuid());
        await thread.CreateAsync(tenant, "{}", "raise");

        // Act
        var first = await RunToEndAsync(thread, tenant, "manufacturing, retail");
        var second = await RunToEndAsync(thread, tenant, "drop retail");

        // Assert
        Assert.Equal("success", first.Status);
        var firstValues = JsonNode.Parse(first.ValuesJson)!;
        var secondValues = JsonNode.Parse(second.ValuesJson)!;
        Assert.Equal(10, firstValues["result"]!["companies"]!.AsArray().Count);
        Assert.Equal("""["manufacturing"]""", secondValues["query"]!["industries"]!.ToJsonString());
        Assert.True((long)secondValues["result"]!["total_matches"]! < (long)firstValues["result"]!["total_matches"]!);
        Assert.Equal(4, secondValues["messages"]!.AsArray().Count);
        Assert.Contains("| 10 |", (string)JsonNode.Parse(first.AnswerJson!)!["content"]!, StringComparison.Ordinal);

        var history = await thread.GetHistoryAsync(tenant, 10, null);
        Assert.Equal([3, 2, 1, 0], history.Select(c => c.Step));
        Assert.Equal(["loop", "input", "loop", "input"], history.Select(c => c.Source));
        Assert.All(history.Zip(history.Skip(1)), pair => Assert.Equal(pair.Second.CheckpointId, pair.First.ParentId));
        Assert.Equal([1, 0], (await thread.GetHistoryAsync(tenant, 10, history[1].CheckpointId)).Select(c => c.Step));
        var snapshot = await thread.GetAsync(tenant);
        Assert.Equal("idle", snapshot.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(history[0].ValuesJson), JsonNode.Parse(snapshot.ValuesJson!)), "the thread's values are its head checkpoint's");
        Assert.Equal("agent", (string)JsonNode.Parse(snapshot.MetadataJson)!["graph_id"]!);
    }

    [Fact]
    public async Task Runs_ShouldUnderstandTheFirstMessageAsChatDoes_AndNarrowWithTypedFilters_WhenFollowUpsRestrict()
    {
        // Arrange
        var tenant = NewTenant();
        var thread = fixture.Grains.GetGrain<IThreadGrain>(Guid.NewGuid());
        await thread.CreateAsync(tenant, "{}", "raise");
        var chat = await fixture.Grains.GetTenantSearchGrain(NewTenant()).SearchAsync(new SearchRequest("Manufacturing companies in the west"));

        // Act
        var first = JsonNode.Parse((await RunToEndAsync(thread, tenant, "Manufacturing companies in the west")).ValuesJson)!;
        var jurong = JsonNode.Parse((await RunToEndAsync(thread, tenant, "only in Jurong")).ValuesJson)!;
        var officers = JsonNode.Parse((await RunToEndAsync(thread, tenant, "at least 5 officers")).ValuesJson)!;
        var since = JsonNode.Parse((await RunToEndAsync(thread, tenant, "incorporated after 2015")).ValuesJson)!;

        // Assert: the first turn is the chat search of the same message; each restriction replaces or adds a typed filter.
        Assert.Equal("""["manufacturing"]""", first["query"]!["industries"]!.ToJsonString());
        Assert.Equal(chat.TotalMatches, (long)first["result"]!["total_matches"]!);
        Assert.Equal(chat.Understood.SsicCodes, first["result"]!["understood"]!["ssic_codes"]!.AsArray().Select(c => (string)c!));
        Assert.Equal("""["22"]""", jurong["query"]!["filters"]!["districts"]!.ToJsonString());
        Assert.Equal("""["22"]""", jurong["result"]!["understood"]!["filters"]!["districts"]!.ToJsonString());
        Assert.Equal(5, (int)officers["result"]!["understood"]!["filters"]!["officers"]!["min"]!);
        Assert.Equal("""["22"]""", since["result"]!["understood"]!["filters"]!["districts"]!.ToJsonString());
        Assert.NotNull(since["result"]!["understood"]!["filters"]!["incorporated"]!["from"]);
        long Total(JsonNode values) => (long)values["result"]!["total_matches"]!;
        Assert.InRange(Total(jurong), 1, Total(first) - 1);
        Assert.True(Total(officers) <= Total(jurong), "more officers can only narrow");
        Assert.True(Total(since) <= Total(officers), "a later incorporation can only narrow");
        Assert.Equal(3, since["query"]!["constraints"]!.AsArray().Count);
        var answer = (string)since["messages"]!.AsArray()[^1]!["content"]!;
        Assert.Contains("**Understood:** Manufacturing (section C", answer, StringComparison.Ordinal);
        Assert.Contains("Jurong (D22)", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_ShouldSayNotFound_WhenAnotherTenantAsks()
    {
        // Arrange
        var owner = NewTenant();
        var thread = fixture.Grains.GetGrain<IThreadGrain>(Guid.NewGuid());
        await thread.CreateAsync(owner, """{"k":"v"}""", "raise");

        // Act / Assert
        var other = NewTenant();
        await Assert.ThrowsAsync<ThreadNotFoundException>(() => thread.GetAsync(other));
        await Assert.ThrowsAsync<ThreadNotFoundException>(() => thread.GetHistoryAsync(other, 10, null));
        await Assert.ThrowsAsync<ThreadNotFoundException>(() => thread.StartRunAsync(other, Input("retail")));
        await Assert.ThrowsAsync<ThreadExistsException>(() => thread.CreateAsync(other, "{}", "do_nothing"));
        await Assert.ThrowsAsync<ThreadExistsException>(() => thread.CreateAsync(owner, "{}", "raise"));
        Assert.Equal("""{"k":"v"}""", (await thread.CreateAsync(owner, "{}", "do_nothing")).MetadataJson);
    }

    [Fact]
    public async Task CancelRunAsync_ShouldEndTheRunWithoutAnAnswer_AndABusyThreadRefusesASecondRun()
    {
        // Arrange
        var tenant = NewTenant();
        var thread = fixture.Grains.GetGrain<IThreadGrain>(Guid.NewGuid());
        await thread.CreateAsync(tenant, "{}", "raise");
        var started = await thread.StartRunAsync(tenant, Input("logistics", afterSeconds: 10));

        // Act
        await Assert.ThrowsAsync<ThreadBusyException>(() => thread.StartRunAsync(tenant, Input("retail")));
        Assert.Equal("busy", (await thread.GetAsync(tenant)).Status);
        Assert.True(await thread.CancelRunAsync(tenant, started.RunId));
        var outcome = await thread.WaitRunAsync(tenant, started.RunId, TimeSpan.FromSeconds(5));

        // Assert
        Assert.Equal("interrupted", outcome!.Status);
        Assert.Null(outcome.AnswerJson);
        Assert.Equal("idle", (await thread.GetAsync(tenant)).Status);
        Assert.Single(await thread.GetHistoryAsync(tenant, 10, null));
        Assert.False(await thread.CancelRunAsync(tenant, started.RunId));
        await Assert.ThrowsAsync<RunNotFoundException>(() => thread.CancelRunAsync(tenant, Guid.NewGuid()));
    }

    [Fact]
    public async Task Activation_ShouldMarkTheThreadError_WhenItsRowIsBusyFromADeadSilo()
    {
        // Arrange: a row left busy, as when the silo running a search died.
        var tenant = NewTenant();
        var id = Guid.NewGuid();
        await using (var insert = fixture.DataSource.CreateCommand("INSERT INTO threads (thread_id, tenant_id, status) VALUES (@id, @t, 'busy')"))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("t", tenant);
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        // Act
        var snapshot = await fixture.Grains.GetGrain<IThreadGrain>(id).GetAsync(tenant);

        // Assert
        Assert.Equal("error", snapshot.Status);
        Assert.Equal("error", await fixture.ScalarAsync<string>("SELECT status FROM threads WHERE thread_id = @id", ("id", id)));
        var outcome = await RunToEndAsync(fixture.Grains.GetGrain<IThreadGrain>(id), tenant, "construction");
        Assert.Equal("success", outcome.Status);
    }

    [Fact]
    public async Task SearchAsync_ShouldMatchMetadataByContainment_NewestFirst_OnlyForTheTenant()
    {
        // Arrange
        var tenant = NewTenant();
        var ids = new List<Guid>();
        foreach (var metadata in new[] { """{"team":"a","n":1}""", """{"team":"b"}""", """{"team":"a","n":3,"tags":["x","y"]}""" })
        {
            var id = Guid.NewGuid();
            await fixture.Grains.GetGrain<IThreadGrain>(id).CreateAsync(tenant, metadata, "raise");
            ids.Add(id);
        }

        await fixture.Grains.GetGrain<IThreadGrain>(Guid.NewGuid()).CreateAsync(NewTenant(), """{"team":"a"}""", "raise");
        var query = fixture.Grains.GetGrain<IThreadQueryGrain>(0);

        // Act
        var teamA = await query.SearchAsync(new ThreadSearchRequest(tenant, """{"team":"a"}""", null, 10, 0));
        var tagged = await query.SearchAsync(new ThreadSearchRequest(tenant, """{"tags":["y"]}""", null, 10, 0));
        var all = await query.SearchAsync(new ThreadSearchRequest(tenant, "{}", "idle", 10, 0));
        var paged = await query.SearchAsync(new ThreadSearchRequest(tenant, "{}", null, 1, 1));

        // Assert
        Assert.Equal([ids[2], ids[0]], teamA.Select(t => t.ThreadId));
        Assert.Equal([ids[2]], tagged.Select(t => t.ThreadId));
        Assert.Equal([ids[2], ids[1], ids[0]], all.Select(t => t.ThreadId));
        Assert.Equal([ids[1]], paged.Select(t => t.ThreadId));
        Assert.Empty(await query.SearchAsync(new ThreadSearchRequest(tenant, "{}", "busy", 10, 0)));
    }
}
