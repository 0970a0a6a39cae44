namespace IcpSearch.GrainInterfaces.Search;

/// <summary>
/// The job created (or reused) for a staging upsert request.
/// </summary>
/// <param name="JobId">Gets the job id.</param>
/// <param name="Reused">Gets whether an open job for the same work was reused.</param>
/// <param name="Total">Gets the number of staging rows the job covers.</param>
/// <param name="Codes">Gets the SSIC codes the terms resolved to.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.EnqueueResult")]
public sealed record EnqueueResult(long JobId, bool Reused, long Total, IReadOnlyList<string> Codes);
