using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// The ICP endpoints beside GET/PUT /icp: the form's values (GET /icp/options) and "Save as my ICP" (POST /icp/from-understanding).
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class IcpEndpointsTests(GatewayFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task FromUnderstanding_ShouldStoreWhatTheChatUnderstood_KeepingTheTenantsWeights()
    {
        // Arrange: a tenant with weights of its own, and a chat answer with every kind of constraint.
        var tenant = GatewayFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await ProblemAssert.IsJsonAsync(await client.PutAsJsonAsync("/icp", new { target_ssic_codes = new[] { "62" }, min_age_years = 1, weights = new { industry = 60, age = 40 } }, Cancel));
        var answer = await ProblemAssert.IsJsonAsync(await client.PostAsJsonAsync("/chat",
            new { message = "Pte Ltd manufacturing companies in Jurong with at least 2 officers, incorporated after 1990, except food" }, Cancel));
        var understood = answer.GetProperty("understood");

        // Act: the answer's understood object, sent back as it came.
        using var response = await client.PostAsync("/icp/from-understanding",
            new StringContent(understood.GetRawText(), System.Text.Encoding.UTF8, "application/json"), Cancel);

        // Assert: the headings at their level, D22, officers from 2, at most (this year - 1991) years old, the
        // registry's private limited descriptions, live (the default), and the weights as they were.
        var saved = await ProblemAssert.IsJsonAsync(response);
        var profile = saved.GetProperty("profile");
        Assert.Equal(["C"], understood.GetProperty("industries").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).Distinct());
        Assert.Equal(["C"], Strings(profile.GetProperty("target_ssic_codes")));
        Assert.Equal(["22"], Strings(profile.GetProperty("districts")));
        Assert.Equal(2, profile.GetProperty("min_officers").GetInt32());
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("max_officers").ValueKind);
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("min_age_years").ValueKind);
        Assert.Equal(DateTime.UtcNow.Year - 1991, profile.GetProperty("max_age_years").GetInt32());
        Assert.Equal(["local company", "private company limited by shares", "exempt private company limited by shares"], Strings(profile.GetProperty("entity_types")));
        Assert.Empty(Strings(profile.GetProperty("statuses")));
        var weights = profile.GetProperty("weights");
        Assert.Equal(60, weights.GetProperty("industry").GetInt32());
        Assert.Equal(40, weights.GetProperty("age").GetInt32());
        Assert.Equal(15, weights.GetProperty("size").GetInt32());
        Assert.Equal(["except food: a profile has no exclusions"], Strings(saved.GetProperty("not_carried")));

        // GET /icp serves the same profile.
        var stored = await ProblemAssert.IsJsonAsync(await client.GetAsync("/icp", Cancel));
        Assert.Equal(profile.GetRawText(), stored.GetRawText());
    }

    [Theory]
    [InlineData("""{"filters":{"entity_types":["llp","cooperative"]}}""", "filters.entity_types[1]")]
    [InlineData("""{"filters":{"statuses":["dormant"]}}""", "filters.statuses[0]")]
    [InlineData("""{"filters":{"districts":["29"]}}""", "districts[0]")]
    [InlineData("""{"filters":{"officers":{"min":20,"max":5}}}""", "max_officers")]
    [InlineData("""{"industries":[{"code":"C"},{"title":"no code"}]}""", "industries[1].code")]
    [InlineData("""{"industries":[{"code":"ZZ"}]}""", "target_ssic_codes[0]")]
    public async Task FromUnderstanding_ShouldAnswer400NamingTheField_AndKeepTheProfile_WhenAConstraintCannotBeStored(string body, string field)
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        using var client = fixture.Client(tenant);
        await ProblemAssert.IsJsonAsync(await client.PutAsJsonAsync("/icp", new { target_ssic_codes = new[] { "62" } }, Cancel));

        // Act
        using var response = await client.PostAsync("/icp/from-understanding", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        // Assert
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(field, problem.GetProperty("field").GetString());
        var stored = await ProblemAssert.IsJsonAsync(await client.GetAsync("/icp", Cancel));
        Assert.Equal(["62"], Strings(stored.GetProperty("target_ssic_codes")));
    }

    [Fact]
    public async Task Options_ShouldListTheDistrictsEntityTypesAndStatuses_ThatPutIcpAccepts()
    {
        // Arrange
        var tenant = GatewayFixture.NewTenant();
        using var client = fixture.Client(tenant);

        // Act
        var options = await ProblemAssert.IsJsonAsync(await client.GetAsync("/icp/options", Cancel));

        // Assert: 28 districts with places; every listed value is one PUT /icp stores as given.
        var districts = options.GetProperty("districts").EnumerateArray().ToArray();
        Assert.Equal(28, districts.Length);
        Assert.Equal("Jurong", districts.Single(d => d.GetProperty("code").GetString() == "22").GetProperty("places").GetString());
        var types = options.GetProperty("entity_types").EnumerateArray().ToArray();
        Assert.Contains(types, t => t.GetProperty("code").GetString() == "private_limited" && Strings(t.GetProperty("descriptions")).Contains("local company"));
        var statuses = options.GetProperty("statuses").EnumerateArray().ToArray();
        Assert.Contains(statuses, s => s.GetProperty("description").GetString() == "Live Company" && s.GetProperty("live").GetBoolean());
        var body = new
        {
            districts = districts.Select(d => d.GetProperty("code").GetString()).ToArray(),
            // Sole proprietorships and partnerships share ACRA's one combined type.
            entity_types = types.Select(t => t.GetProperty("descriptions")[0].GetString()).Distinct().ToArray(),
            statuses = statuses.Select(s => s.GetProperty("description").GetString()).ToArray(),
        };
        var stored = await ProblemAssert.IsJsonAsync(await client.PutAsJsonAsync("/icp", body, Cancel));
        Assert.Equal(body.districts, Strings(stored.GetProperty("districts")));
        Assert.Equal(body.entity_types, Strings(stored.GetProperty("entity_types")));
        Assert.Equal(body.statuses, Strings(stored.GetProperty("statuses")));
    }
}
