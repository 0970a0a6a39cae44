using System.Text.Json;

namespace IcpSearch.Bench.Resolve;

/// <summary>
/// One labelled query: the SDR's message, the SSIC headings or codes it must and may resolve to, and the typed
/// filters its constraints mean.
/// </summary>
public sealed record IndustryQuery(string Query, string Category, string[] Must, string[] May, JsonElement Filters, string Note)
{
    /// <summary>Gets whether the message is a bare industry name or phrase rather than a sentence with constraints.</summary>
    public bool IsBareOrPhrase => Category != "sentence";
}
