namespace IcpSearch.Gateway.Endpoints.Jobs;

/// <summary>One page of jobs.</summary>
public sealed record JobPage(
    IReadOnlyList<JobResponse> Items,
    [property: System.Text.Json.Serialization.JsonPropertyName("nextCursor")] string? NextCursor);
