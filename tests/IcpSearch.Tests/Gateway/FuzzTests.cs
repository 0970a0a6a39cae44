using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IcpSearch.Gateway.Errors;

namespace IcpSearch.Tests.Gateway;

/// <summary>
/// Reads the gateway's own OpenAPI document and, for every operation, sends generated hostile values for each
/// parameter and body field (wrong types, sizes, encodings, nesting, numbers at the edges, missing and duplicated
/// fields), from a fixed seed. Asserts that nothing answers 5xx, that every 4xx is problem+json with one of the stable
/// codes (those Kestrel's parser refuses included), and that another tenant's rows are exactly as they were.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(FuzzGatewayFixture fixture)
{
    private const int Seed = 20261201;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly HashSet<string> StableCodes = typeof(ProblemCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public async Task EveryOperation_ShouldAnswerHostileInputWithA4xxProblemAndLeaveOtherTenantsAlone_WhenFuzzedFromTheOpenApiDocument()
    {
        // Arrange: a victim tenant with scores, a job and a profile; the attacker is another tenant with a valid token.
        var victim = GatewayFixture.NewTenant("victim");
        var attacker = GatewayFixture.NewTenant("attacker");
        await LeadSeeder.SeedAsync(fixture.DataSource, victim, 25);
        using var victimClient = fixture.Client(victim);
        var job = await ProblemAssert.IsJsonAsync(
            await victimClient.PostAsJsonAsync("/jobs/staging_upsert", new { terms = new[] { "manufacturing" } }, Cancel), HttpStatusCode.Accepted);
        var victimJobId = job.GetProperty("job_id").GetInt64();
        await ProblemAssert.IsJsonAsync(await victimClient.PutAsJsonAsync("/icp", new { target_ssic_codes = new[] { "C" }, min_age_years = 3, max_officers = 50 }, Cancel));
        // The profile re-scores the victim's scores: the snapshot is taken once that job has ended.
        await Eventually.Until(() => fixture.ScalarAsync<long>("SELECT count(*) FROM background_jobs WHERE tenant_id = @t AND job_type = 'rescore' AND status = 'done'", ("t", victim)),
            n => n == 1, TimeSpan.FromSeconds(30), "the victim's re-score to end");
        var before = await SnapshotAsync(victim, victimClient);

        using var discovery = fixture.Client();
        var document = JsonNode.Parse(await discovery.GetStringAsync("/openapi/v1.json", Cancel))!;
        var operations = Operations(document).ToList();
        var cases = new List<FuzzCase>();
        var random = new Random(Seed);
        foreach (var operation in operations)
        {
            cases.AddRange(CasesFor(operation, document, random, victim, victimJobId));
        }

        Uri baseAddress;
        using (var probe = fixture.Gateway.CreateClient())
        {
            baseAddress = probe.BaseAddress!;
        }

        using var handler = new SocketsHttpHandler
        {
            // Lets header values carry non-ASCII bytes as UTF-8, as a hostile client would send them.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            MaxConnectionsPerServer = 16,
            AllowAutoRedirect = false,
        };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var attackerToken = GatewayFixture.Token(attacker);
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var closed = 0;
        var unsendable = 0;

        // Act
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancel }, async (c, ct) =>
        {
            using var request = c.Build(baseAddress, attackerToken);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (HttpRequestException) when (!c.ServerMustSee)
            {
                // The client library itself refuses some header bytes; such a request never reaches the server.
                Interlocked.Increment(ref unsendable);
                return;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (status >= 500)
                {
                    failures.Add($"{status} for {c}: {Shorten(body)}");
                    return;
                }

                if (status < 400)
                {
                    return;
                }

                if (response.Headers.ConnectionClose == true)
                {
                    // Refused by Kestrel's HTTP parser (a NUL in the decoded path, an oversized request line or
                    // header block) before any middleware; the gateway still gives these a problem body.
                    Interlocked.Increment(ref closed);
                }

                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{status} as {response.Content.Headers.ContentType} for {c}: {Shorten(body)}");
                    return;
                }

                string? code;
                try
                {
                    code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString();
                }
                catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    failures.Add($"{status} problem without a code for {c}: {Shorten(body)}");
                    return;
                }

                if (code is null || !StableCodes.Contains(code))
                {
                    failures.Add($"{status} with unknown code '{code}' for {c}");
                }
            }
        });

        // Assert
        var after = await SnapshotAsync(victim, victimClient);
        var sent = statuses.Values.Sum();
        TestContext.Current.SendDiagnosticMessage(
            $"fuzz: {cases.Count} cases over {operations.Count} operations, {sent} answered ({closed} closing the connection, e.g. refused by Kestrel's parser), {unsendable} unsendable; " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, e.g.:\n" + string.Join("\n", failures.Take(25)));
        Assert.True(operations.Count >= 17, $"the document lists {operations.Count} operations");
        Assert.True(sent >= 3000, $"only {sent} requests were answered");
        Assert.Equal(before, after);
    }

    // Everything another tenant could damage: its scores, jobs (rows and batches) and its profile as the API shows it.
    private async Task<string> SnapshotAsync(string tenant, HttpClient client)
    {
        var text = new StringBuilder();
        foreach (var sql in new[]
        {
            "SELECT company_id, score, bucket, rationale, scored_at FROM lead_scores WHERE tenant_id = @t ORDER BY company_id",
            "SELECT job_id, status, params, processed, total, batches, error, next_run_at, updated_at FROM background_jobs WHERE tenant_id = @t ORDER BY job_id",
            "SELECT job_id, batch_no, rows FROM job_batches WHERE tenant_id = @t ORDER BY job_id, batch_no",
        })
        {
            await using var command = fixture.DataSource.CreateCommand(sql);
            command.Parameters.AddWithValue("t", tenant);
            await using var reader = await command.ExecuteReaderAsync(Cancel);
            while (await reader.ReadAsync(Cancel))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }

            text.Append("--\n");
        }

        text.Append(await client.GetStringAsync("/icp", Cancel));
        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    // ---- The OpenAPI document ----

    private sealed record Parameter(string Name, string In, string? Type);

    private sealed record BodyField(string Name, string? Type, string? ItemType);

    private sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, IReadOnlyList<BodyField>? Body);

    private static IEnumerable<Operation> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject())
            {
                var parameters = (op!["parameters"]?.AsArray() ?? [])
                    .Select(p => new Parameter((string)p!["name"]!, (string)p["in"]!, TypeOf(p["schema"], document)))
                    .ToList();
                List<BodyField>? body = null;
                if (op["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema)
                {
                    body = [.. (Resolve(schema, document)["properties"]?.AsObject() ?? [])
                        .Select(p => new BodyField(p.Key, TypeOf(p.Value, document), TypeOf(Resolve(p.Value!, document)["items"], document)))];
                }

                yield return new Operation(method.ToUpperInvariant(), path, parameters, body);
            }
        }
    }

    private static JsonNode Resolve(JsonNode schema, JsonNode document)
        => schema["$ref"] is { } reference
            ? Resolve(document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!, document)
            : schema;

    // OpenAPI 3.1 writes nullable types as arrays ("type": ["null", "string"]); integers may also allow strings.
    private static string? TypeOf(JsonNode? schema, JsonNode document)
    {
        if (schema is null)
        {
            return null;
        }

        var type = Resolve(schema, document)["type"];
        return type switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t is not "null"),
            JsonValue value => (string?)value,
            _ => null,
        };
    }

    // ---- Hostile values ----

    // Strings as the server should read them; each is sent percent-encoded as UTF-8 in URLs and as a JSON string in bodies.
    private static readonly string[] HostileStrings =
    [
        "", " ", "a", "\0", "Manu\0facturing", "\u0001", "\u001b[31mred", "\u007f", "\u0085", "\u009f", "tab\there", "line\nbreak", "\r\n",
        "\u202Eevil.exe", "\u200B", "مرحبا بالعالم", "עברית", "😀", "👩‍👩‍👧‍👦", "e\u0301", "\uFEFFbom", "\uFFFD", "İ", "ß",
        "' OR 1=1 --", "'; DROP TABLE lead_scores; --", "%00", "%", "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x}",
        "null", "true", "[]", "{}", "-1", "0", "1", "200", "201", "-0", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "2147483648", "1e309", "NaN", "Infinity", "1.5", " 42 ", "0x10", "٣", "１２", "+5", "100:5", "101:1", ":", "5:", "-1:-1", "csv", "CSV",
        "manufacturing", "Manufacturing", "C", "62011", "Live Company",
        new string('a', 101), new string('a', 254), new string('m', 4001), new string('x', 5000), new string('A', 100_000),
        string.Concat(Enumerable.Repeat("😀", 2000)),
    ];

    // Already percent-encoded byte sequences: invalid UTF-8 and other encodings a browser would never send.
    private static readonly string[] RawEncodings =
    [
        "%FF", "%C0%AF", "%C3", "%E2%82", "%ED%A0%80", "%F4%90%80%80", "%F8%88%80%80%80", "%80", "%00", "a%00b", "%0A", "%0D%0A", "%09",
        "%1F", "%7F", "%C2%85", "%", "%G1", "%%", "+", "%2B", "%26", "%3D", "%E2%80%AE", "%EF%BB%BF",
    ];

    // JSON values for body fields, as raw JSON text: wrong types, edges of numbers, nesting, escapes, sizes.
    private static readonly string[] HostileJson =
    [
        "null", "true", "false", "0", "-1", "1", "-0", "0.5", "2147483647", "2147483648", "-2147483649", "9223372036854775808",
        "1e308", "1e309", "-1e309", "5e-324", "1.7976931348623157e308", "600000", "599999.999", "1E2", "{}", "[]", "[null]", "[1]",
        "[\"\"]", "[[\"a\"]]", "{\"a\":1}", "\"\"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u0001\"", "\"\\t\\n\"",
        "\"\\u202e\"", "\"😀\"", "\"\\\"\"", "\"chat\"", "\"Chat\"", "\"manufacturing\"",
        Nest("[", "]", 70), Nest("{\"a\":", "}", 70),
        "[" + string.Join(",", Enumerable.Repeat("\"manufacturing\"", 21)) + "]",
        "[" + string.Join(",", Enumerable.Range(0, 3000).Select(i => $"\"t{i}\"")) + "]",
        "[\"manufacturing\", null]", "[\"\\u0000\"]", "[\"C\", \"\\u0007\"]", "[\"" + new string('z', 101) + "\"]",
        "\"" + new string('q', 4001) + "\"", "\"" + new string('q', 60_000) + "\"",
    ];

    private static string Nest(string open, string close, int depth)
        => string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));

    // Whole bodies: malformed JSON, wrong shapes, invalid UTF-8, duplicated keys, sizes over the cap.
    private static IEnumerable<(byte[] Body, string ContentType, string Label)> HostileBodies(IReadOnlyList<BodyField> fields)
    {
        static byte[] U(string s) => Encoding.UTF8.GetBytes(s);
        var first = fields.Count > 0 ? fields[0].Name : "x";
        yield return ([], "application/json", "empty body");
        yield return (U("null"), "application/json", "null body");
        yield return (U("[]"), "application/json", "array body");
        yield return (U("\"text\""), "application/json", "string body");
        yield return (U("42"), "application/json", "number body");
        yield return (U("{"), "application/json", "truncated object");
        yield return (U("{\"" + first + "\""), "application/json", "truncated property");
        yield return (U("{}"), "application/json", "every field missing");
        yield return (U("{\"unknown\": 1, \"other\": [1, {}]}"), "application/json", "unknown fields only");
        yield return (U($"{{\"{first}\": 1, \"{first}\": \"a\"}}"), "application/json", "duplicated field");
        yield return (U($"{{\"{first}\": \"\\u0000\", \"{first}\": \"ok\"}}"), "application/json", "duplicated field, NUL first");
        yield return (U($"{{\"{first}\u0000\": 1}}"), "application/json", "raw NUL in a property name");
        yield return (U($"{{\"\\u0000{first}\": 1}}"), "application/json", "NUL in a property name");
        yield return ([.. U($"{{\"{first}\": \""), 0xFF, 0xFE, .. U("\"}")], "application/json", "invalid UTF-8 in a string");
        yield return ([.. U($"{{\"{first}\": \""), 0xC0, 0xAF, .. U("\"}")], "application/json", "overlong UTF-8 in a string");
        yield return ([.. U($"{{\"{first}\": \""), 0xED, 0xA0, 0x80, .. U("\"}")], "application/json", "UTF-8 surrogate in a string");
        yield return ([.. U("{\""), 0xFF, .. U("\": 1}")], "application/json", "invalid UTF-8 in a property name");
        yield return ([0xEF, 0xBB, 0xBF, .. U("{}")], "application/json", "BOM then {}");
        yield return ([.. U("{}"), 0xFF], "application/json", "invalid UTF-8 after the object");
        yield return (U("{\"a\":1} {\"b\":2}"), "application/json", "two objects");
        yield return (U("{/* comment */}"), "application/json", "comment");
        yield return (U("{'a': 1}"), "application/json", "single quotes");
        yield return (U("{\"" + first + "\": \"a\nb\"}"), "application/json", "raw line break in a string");
        yield return (U(Nest("{\"a\":", "}", 200)), "application/json", "nested 200 deep");
        yield return (U("{\"" + first + "\": \"" + new string('x', 70_000) + "\"}"), "application/json", "body over the size cap");
        yield return (U("{\"" + first + "\": 1}"), "text/plain", "text/plain content type");
        yield return (U("{\"" + first + "\": 1}"), "application/x-www-form-urlencoded", "form content type");
        yield return (U("{\"" + first + "\": 1}"), "application/json; charset=latin1", "latin1 charset");
        yield return (Encoding.Unicode.GetBytes("{\"" + first + "\": \"a\"}"), "application/json; charset=utf-16", "UTF-16 body");
    }

    private static string PercentEncode(string value)
    {
        var text = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    // A seeded random string: code points from every plane, controls and surrogate halves included.
    private static string RandomText(Random random)
    {
        var length = random.Next(1, 40);
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var pick = random.Next(6);
            text.Append(pick switch
            {
                0 => ((char)random.Next(0, 0x20)).ToString(),
                1 => ((char)random.Next(0x20, 0x7F)).ToString(),
                2 => ((char)random.Next(0x80, 0x800)).ToString(),
                3 => char.ConvertFromUtf32(random.Next(0x1F300, 0x1FAFF)),
                4 => ((char)random.Next(0x3000, 0xD7FF)).ToString(),
                _ => ((char)random.Next(0xE000, 0xFFFE)).ToString(),
            });
        }

        return text.ToString();
    }

    private static string RandomEncodedBytes(Random random)
    {
        var text = new StringBuilder();
        for (var i = random.Next(1, 12); i > 0; i--)
        {
            text.Append('%').Append(random.Next(256).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    // ---- Cases ----

    private static IEnumerable<FuzzCase> CasesFor(Operation op, JsonNode document, Random random, string victim, long victimJobId)
    {
        // Percent-encoded values for URL parameters.
        var encoded = HostileStrings.Select(PercentEncode)
            .Concat(RawEncodings)
            .Concat(Enumerable.Range(0, 25).Select(_ => PercentEncode(RandomText(random))))
            .Concat(Enumerable.Range(0, 15).Select(_ => RandomEncodedBytes(random)))
            .ToList();
        var pathParameters = op.Parameters.Where(p => p.In == "path").ToList();
        string PathWith(string? name, string value)
            => pathParameters.Aggregate(op.Path, (path, p) => path.Replace("{" + p.Name + "}", p.Name == name ? value : "1", StringComparison.Ordinal));

        // The operation as documented, with nothing filled in but its path.
        yield return new FuzzCase(op.Method, PathWith(null, "1"));

        foreach (var parameter in op.Parameters)
        {
            foreach (var value in encoded)
            {
                yield return parameter.In switch
                {
                    "path" => new FuzzCase(op.Method, PathWith(parameter.Name, value)),
                    "query" => new FuzzCase(op.Method, PathWith(null, "1") + "?" + PercentEncode(parameter.Name) + "=" + value),
                    _ => new FuzzCase(op.Method, PathWith(null, "1")) { Headers = [(parameter.Name, Uri.UnescapeDataString(value))] },
                };
            }

            if (parameter.In == "path")
            {
                // Another tenant's job, by its real id: it must look missing.
                yield return new FuzzCase(op.Method, PathWith(parameter.Name, victimJobId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (parameter.In == "query")
            {
                var url = PathWith(null, "1") + "?" + parameter.Name;
                yield return new FuzzCase(op.Method, url + "=1&" + parameter.Name + "=2");
                yield return new FuzzCase(op.Method, url + "=&" + parameter.Name + "=%00");
                yield return new FuzzCase(op.Method, url);
                yield return new FuzzCase(op.Method, url + "==");
            }
        }

        // Every query parameter at once, each with a random hostile value; unknown and hostile parameter names.
        var query = op.Parameters.Where(p => p.In == "query").ToList();
        for (var i = 0; i < 10 && query.Count > 1; i++)
        {
            yield return new FuzzCase(op.Method, PathWith(null, "1") + "?" + string.Join("&", query.Select(p => p.Name + "=" + encoded[random.Next(encoded.Count)])));
        }

        foreach (var name in new[] { "%00", "%FF", "a%00", PercentEncode(new string('k', 150)), "unknown", "%E2%80%AE" })
        {
            yield return new FuzzCase(op.Method, PathWith(null, "1") + "?" + name + "=1");
        }

        // Headers every endpoint reads: the tenant (another tenant's, hostile), Accept, Content-Type.
        foreach (var tenant in new[] { victim, "", " ", "../etc", "a\u0001b", "t\u00e9nant", "😀", new string('t', 65), new string('t', 10_000), $"{victim},{victim}" })
        {
            yield return new FuzzCase(op.Method, PathWith(null, "1")) { Headers = [("X-Tenant-ID", tenant)] };
        }

        foreach (var accept in new[] { "text/csv", "text/csv;q=0", "*/*;q=abc", "application/\u0001", "text/csv, application/json;q=2", "\u00ff" })
        {
            yield return new FuzzCase(op.Method, PathWith(null, "1") + (query.Count > 0 ? "?" + query[0].Name + "=1" : "")) { Headers = [("Accept", accept)] };
        }

        yield return new FuzzCase(op.Method, PathWith(null, "1")) { WithToken = false };
        yield return new FuzzCase(op.Method, PathWith(null, "1")) { Headers = [("Authorization", "Bearer \u00e9\u0001")], WithToken = false };

        if (op.Body is not { } fields)
        {
            yield break;
        }

        foreach (var field in fields)
        {
            foreach (var json in HostileJson)
            {
                yield return FuzzCase.Json(op.Method, PathWith(null, "1"), $"{{\"{field.Name}\": {json}}}");
            }

            foreach (var text in HostileStrings.Take(60).Concat(Enumerable.Range(0, 15).Select(_ => RandomText(random))))
            {
                var value = JsonSerializer.Serialize(text);
                yield return FuzzCase.Json(op.Method, PathWith(null, "1"), field.Type == "array" ? $"{{\"{field.Name}\": [{value}]}}" : $"{{\"{field.Name}\": {value}}}");
            }

            // Every other field present and plausible, this one hostile: the cases where validation reaches deepest.
            foreach (var json in HostileJson.Take(30))
            {
                var others = fields.Where(f => f != field).Select(f => $"\"{f.Name}\": {Plausible(f)}");
                yield return FuzzCase.Json(op.Method, PathWith(null, "1"), "{" + string.Join(", ", others.Append($"\"{field.Name}\": {json}")) + "}");
            }
        }

        foreach (var (body, contentType, label) in HostileBodies(fields))
        {
            yield return new FuzzCase(op.Method, PathWith(null, "1")) { Body = body, ContentType = contentType, Label = label };
        }
    }

    private static string Plausible(BodyField field) => (field.Type, field.ItemType) switch
    {
        ("array", _) => "[\"C\"]",
        ("integer", _) => "5",
        ("number", _) => "12.5",
        _ => field.Name switch
        {
            "route" => "\"chat\"",
            _ => "\"Manufacturing\"",
        },
    };

    private sealed record FuzzCase(string Method, string PathAndQuery)
    {
        public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

        public byte[]? Body { get; init; }

        public string ContentType { get; init; } = "application/json";

        public string? Label { get; init; }

        public bool WithToken { get; init; } = true;

        /// <summary>Gets whether the request carries only what any HTTP client can send (no header the client may refuse).</summary>
        public bool ServerMustSee => Headers.Count == 0 && WithToken;

        public static FuzzCase Json(string method, string path, string json)
            => new(method, path) { Body = Encoding.UTF8.GetBytes(json), Label = json.Length <= 120 ? json : json[..120] + "…" };

        public HttpRequestMessage Build(Uri baseAddress, string token)
        {
            // Sent exactly as written: no canonicalisation of the hostile escapes.
            var uri = new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + PathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            var request = new HttpRequestMessage(new HttpMethod(Method), uri);
            if (WithToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            foreach (var (name, value) in Headers)
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (Body is not null)
            {
                request.Content = new ByteArrayContent(Body);
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }

            return request;
        }

        public override string ToString()
        {
            var path = PathAndQuery.Length <= 160 ? PathAndQuery : PathAndQuery[..160] + "…";
            var headers = Headers.Count == 0 ? "" : " headers " + string.Join(", ", Headers.Select(h => $"{h.Name}: {(h.Value.Length <= 40 ? h.Value : h.Value[..40] + "…")}"));
            return $"{Method} {path}{headers}{(Label is null ? "" : " body " + Label)}{(WithToken ? "" : " (no token)")}";
        }
    }
}
