using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Gateway.Endpoints.Jobs;

/// <summary>A job's progress.</summary>
public sealed record JobResponse(
    long JobId,
    string JobType,
    string Status,
    long Processed,
    long Total,
    long Remaining,
    int Batches,
    string? Error,
    string? ErrorCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset? NextRunAt,
    IReadOnlyList<string> Terms)
{
    public static JobResponse From(JobSnapshot s) => new(
        s.JobId, s.JobType, s.Status.ToWire(), s.Processed, s.Total, s.Remaining, s.Batches, s.Error, s.ErrorCode,
        s.CreatedAt, s.StartedAt, s.EndedAt, s.NextRunAt, s.Terms);
}
