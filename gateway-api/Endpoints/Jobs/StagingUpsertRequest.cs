namespace IcpSearch.Gateway.Endpoints.Jobs;

/// <summary>A request to schedule a staging upsert job.</summary>
/// <param name="Terms">1 to 20 industry terms of 1 to 100 characters.</param>
public sealed record StagingUpsertRequest(IReadOnlyList<string?>? Terms);
