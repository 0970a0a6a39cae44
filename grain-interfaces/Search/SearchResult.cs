namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// The answer to an industry search.
/// </summary>
/// <param name="Terms">Gets the terms extracted from the message.</param>
/// <param name="Codes">Gets the 5-digit SSIC codes the terms resolved to.</param>
/// <param name="Companies">Gets the companies upserted, enriched and scored in the request.</param>
/// <param name="TotalMatches">Gets the number of staging rows matching the terms.</param>
/// <param name="Scheduled">Gets the number of matches handed to the background job.</param>
/// <param name="JobId">Gets the background job id, or null when nothing was scheduled.</param>
/// <param name="JobReused">Gets whether an open job for the same work was reused instead of a new one.</param>
/// <param name="Notice">Gets a human-readable summary of what happened.</param>
/// <param name="Mode">Gets the staging upsert mode that handled the search: background, sync_preview or off.</param>
/// <param name="PreviewNames">Gets sample company names in sync_preview mode; empty otherwise.</param>
/// <param name="MatchedBy">Gets how rows were matched: ssic_code, description, or none.</param>
/// <param name="Understood">Gets what the message was understood to ask for: headings, codes, typed filters, unmatched words.</param>
/// <param name="Refinements">Gets narrower headings with their match counts when the search matched more than REFINE_ABOVE companies; empty otherwise.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.SearchResult")]
public sealed record SearchResult(
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Codes,
    IReadOnlyList<SearchCompany> Companies,
    long TotalMatches,
    long Scheduled,
    long? JobId,
    bool JobReused,
    string Notice,
    string Mode,
    IReadOnlyList<string> PreviewNames,
    string MatchedBy,
    SearchUnderstanding Understood,
    IReadOnlyList<Refinement> Refinements);
