using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using IcpSearch.Gateway.Errors;

namespace IcpSearch.Gateway.TextInput;

/// <summary>
/// Applies <see cref="TextValidator"/> to every string a matched endpoint can read (each query key and value, each
/// header the API reads, each string of a JSON body, property names included) before binding, and answers the first
/// violation with a 400 problem <c>invalid_text</c> naming the field. Malformed JSON is left to the binder, which
/// answers <c>invalid_json</c>. The path needs no check here: its only variables are numeric ids under a <c>:long</c>
/// route constraint, so a path with anything else matches no endpoint and is a 404 <c>route_not_found</c>; a NUL in
/// the path never gets this far (Kestrel refuses the request line, and <see cref="KestrelRejectionProblems"/> gives
/// that refusal its problem body).
/// </summary>
public sealed class TextInputMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }

        var violation = CheckQuery(context.Request) ?? CheckHeaders(context.Request)
            ?? await CheckJsonBodyAsync(context.Request);
        if (violation is { } v)
        {
            await Problems.InvalidText(v.Field, $"{v.Field} {v.Detail}").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static (string Field, string Detail)? CheckQuery(HttpRequest request)
    {
        var query = request.QueryString.Value;
        if (string.IsNullOrEmpty(query))
        {
            return null;
        }

        foreach (var pair in query.AsSpan(1).Split('&'))
        {
            var text = query.AsSpan(1)[pair];
            if (text.IsEmpty)
            {
                continue;
            }

            var eq = text.IndexOf('=');
            var rawKey = eq < 0 ? text : text[..eq];
            if (!TextValidator.TryDecodeUrlComponent(rawKey, plusIsSpace: true, out var key))
            {
                return ("query", "has a parameter name that is not valid UTF-8.");
            }

            if (TextValidator.Check(key, TextFields.Name) is { } keyDetail)
            {
                return ("query", $"has a parameter name that {keyDetail}");
            }

            if (eq < 0)
            {
                continue;
            }

            if (!TextValidator.TryDecodeUrlComponent(text[(eq + 1)..], plusIsSpace: true, out var value))
            {
                return (key, "is not valid UTF-8.");
            }

            if (TextValidator.Check(value, TextFields.ForQuery(key)) is { } detail)
            {
                return (key, detail);
            }
        }

        return null;
    }

    private static (string Field, string Detail)? CheckHeaders(HttpRequest request)
    {
        foreach (var name in TextFields.ReadHeaders)
        {
            foreach (var value in request.Headers[name])
            {
                if (value is not null && TextValidator.Check(value, TextFields.ForHeader(name)) is { } detail)
                {
                    return (name, detail);
                }
            }
        }

        return null;
    }

    private static async Task<(string Field, string Detail)?> CheckJsonBodyAsync(HttpRequest request)
    {
        if (!request.HasJsonContentType() || request.ContentLength == 0)
        {
            return null;
        }

        // Bodies are capped by MAX_REQUEST_BODY_BYTES (a larger one fails the read with 413), so one buffer is fine;
        // buffering lets the binder read the same bytes afterwards.
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var violation = JsonStrings(bytes.Span);
        if (violation is null && !Utf8.IsValid(bytes.Span))
        {
            // Invalid UTF-8 outside any string token (between tokens): the body as a whole is not text.
            violation = ("body", "is not valid UTF-8.");
        }

        return violation;
    }

    // Walks the tokens keeping the path of the current value ("terms[1]", "a.b"); stops quietly at malformed JSON.
    private static (string Field, string Detail)? JsonStrings(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var path = new List<(string? Property, int Index)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(path);
                        path.Add((null, reader.TokenType == JsonTokenType.StartArray ? -1 : -2));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = ReadString(ref reader, out var nameDetail);
                        if (nameDetail is not null)
                        {
                            return (Field(path, "(property name)"), nameDetail);
                        }

                        if (TextValidator.Check(name!, TextFields.Name) is { } longName)
                        {
                            return (Field(path, "(property name)"), longName);
                        }

                        path[^1] = (name, -2);
                        break;
                    case JsonTokenType.String:
                        Advance(path);
                        var value = ReadString(ref reader, out var detail);
                        detail ??= TextValidator.Check(value!, TextFields.ForJson(LastProperty(path)));
                        if (detail is not null)
                        {
                            return (Field(path, null), detail);
                        }

                        break;
                    default:
                        Advance(path);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the binder refuses it with invalid_json.
        }

        return null;
    }

    // Counts array items: a value inside an array moves its index on.
    private static void Advance(List<(string? Property, int Index)> path)
    {
        if (path.Count > 0 && path[^1].Property is null && path[^1].Index >= -1)
        {
            path[^1] = (null, path[^1].Index + 1);
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, out string? detail)
    {
        detail = null;
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 bytes, or an escaped lone surrogate (\ud800), cannot become a string.
            detail = "is not valid UTF-8 (or holds an escaped lone surrogate).";
            return null;
        }
    }

    private static string? LastProperty(List<(string? Property, int Index)> path)
    {
        for (var i = path.Count - 1; i >= 0; i--)
        {
            if (path[i].Property is { } p)
            {
                return p;
            }
        }

        return null;
    }

    private static string Field(List<(string? Property, int Index)> path, string? suffix)
    {
        var text = new StringBuilder();
        foreach (var (property, index) in path)
        {
            if (property is not null)
            {
                text.Append(text.Length > 0 ? "." : "").Append(property);
            }
            else if (index >= 0)
            {
                text.Append('[').Append(index).Append(']');
            }
        }

        if (suffix is not null)
        {
            text.Append(text.Length > 0 ? " " : "").Append(suffix);
        }

        return text.Length == 0 ? "body" : text.ToString();
    }
}
