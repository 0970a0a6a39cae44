namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// What a staging upsert job must process.
/// </summary>
/// <param name="TenantId">Gets the tenant the rows are scored for.</param>
/// <param name="Terms">Gets the search terms the job came from.</param>
/// <param name="Match">Gets the staging rows covered.</param>
/// <param name="StartAfter">Gets the position after which the job starts (the last row handled synchronously), or null for the beginning.</param>
/// <param name="Total">Gets the number of rows the job is expected to process.</param>
/// <param name="Origin">Gets where the job came from: chat or api.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.StagingUpsertJobSpec")]
public sealed record StagingUpsertJobSpec(
    string TenantId,
    IReadOnlyList<string> Terms,
    MatchSpec Match,
    MatchCursor? StartAfter,
    long Total,
    string Origin);
