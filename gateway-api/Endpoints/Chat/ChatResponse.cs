using System.ComponentModel;
using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.Gateway.Endpoints.Chat;

/// <summary>The answer to a chat message.</summary>
public sealed record ChatResponse(
    string Notice,
    IReadOnlyList<string> Terms,
    int CodesMatched,
    IReadOnlyList<SearchCompany> Companies,
    long TotalMatches,
    int SyncCount,
    long Scheduled,
    long? JobId,
    bool JobReused,
    string Mode,
    string MatchedBy,
    IReadOnlyList<string> PreviewNames,
    [property: Description("What the message was understood to ask for: SSIC headings, every 5-digit code matched, the typed filters, and the words not understood.")]
    SearchUnderstanding Understood,
    [property: Description("Up to 8 narrower headings with their match counts, when more than REFINE_ABOVE companies matched; empty otherwise.")]
    IReadOnlyList<Refinement> Refinements)
{
    public static ChatResponse From(SearchResult r) => new(
        r.Notice, r.Terms, r.Codes.Count, r.Companies, r.TotalMatches, r.Companies.Count, r.Scheduled, r.JobId, r.JobReused,
        r.Mode, r.MatchedBy, r.PreviewNames, r.Understood, r.Refinements);
}
