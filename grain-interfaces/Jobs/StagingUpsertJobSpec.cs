namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// What a staging upsert job must process.
/// </summary>
/// <param name="TenantId">Gets the tenant the rows are scored for.</param>
/// <param name="Terms">Gets the search terms the job came from.</param>
/// <param name="Match">Gets the staging rows covered.</param>
/// <param name="SkipUens">Gets the UENs the search already handled synchronously; the job leaves them out.</param>
/// <param name="Total">Gets the number of rows the job is expected to process.</param>
/// <param name="Origin">Gets where the job came from: chat or api.</param>
/// <remarks>
/// The job walks its rows in UEN order, never in the search's live-first order: a re-import can change a row's
/// status (and so its place in that order) mid-job, but never its UEN, so a UEN cursor neither skips nor repeats a row.
/// </remarks>
[GenerateSerializer, Immutable, Alias("IcpSearch.StagingUpsertJobSpec")]
public sealed record StagingUpsertJobSpec(
    string TenantId,
    IReadOnlyList<string> Terms,
    MatchSpec Match,
    IReadOnlyList<string> SkipUens,
    long Total,
    string Origin);
