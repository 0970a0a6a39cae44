namespace IcpSearch.Gateway.TextInput;

/// <summary>
/// The limits of every text field the API reads, in one table: query parameters, headers and JSON body fields (a
/// JSON field is known by its last property name, so <c>terms[3]</c> is a <c>terms</c> item). A field not listed
/// gets the default of its kind.
/// </summary>
public static class TextFields
{
    /// <summary>The longest chat message; tabs and line breaks are part of free text.</summary>
    public static readonly TextRule ChatMessage = new(4000, AllowLineBreaks: true);

    /// <summary>Any query parameter not listed below (limit, after, afterScore, afterId, format...).</summary>
    public static readonly TextRule DefaultQuery = new(200);

    /// <summary>Any JSON string not listed below (terms, ICP codes, entity types, statuses).</summary>
    public static readonly TextRule DefaultJson = new(100);

    /// <summary>A header the API reads, unless listed below; the longest is a bearer token.</summary>
    public static readonly TextRule DefaultHeader = new(8192);

    /// <summary>
    /// The headers the API reads. Others (User-Agent, Referer, cookies) are never read, and Kestrel may decode their
    /// bytes as Latin-1, where UTF-8 text shows C1 control characters.
    /// </summary>
    public static readonly IReadOnlyList<string> ReadHeaders = ["Authorization", "X-Tenant-ID", "Accept", "Content-Type"];

    /// <summary>A query parameter's or JSON property's name.</summary>
    public static readonly TextRule Name = new(100);

    private static readonly Dictionary<string, TextRule> Query = new(StringComparer.Ordinal)
    {
        ["q"] = new(100),
        ["industry"] = new(200),
        ["name"] = new(253),
        ["domain"] = new(253),
    };

    private static readonly Dictionary<string, TextRule> Json = new(StringComparer.Ordinal)
    {
        ["message"] = ChatMessage,
        ["route"] = new(64),

        // POST /icp/from-understanding takes back a chat answer's understood object: its phrases come from a message.
        ["title"] = new(300),
        ["term"] = new(ChatMessage.MaxLength),
        ["unmatched"] = new(ChatMessage.MaxLength),
        ["exclude"] = new(ChatMessage.MaxLength),
        ["not_applicable"] = new(ChatMessage.MaxLength),
    };

    private static readonly Dictionary<string, TextRule> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["X-Tenant-ID"] = new(64),
    };

    /// <summary>Returns the rule of a query parameter.</summary>
    public static TextRule ForQuery(string name) => Query.GetValueOrDefault(name, DefaultQuery);

    /// <summary>Returns the rule of a JSON string found under the property <paramref name="property"/> (null at the top level).</summary>
    public static TextRule ForJson(string? property) => property is null ? DefaultJson : Json.GetValueOrDefault(property, DefaultJson);

    /// <summary>Returns the rule of a request header.</summary>
    public static TextRule ForHeader(string name) => Headers.GetValueOrDefault(name, DefaultHeader);
}
