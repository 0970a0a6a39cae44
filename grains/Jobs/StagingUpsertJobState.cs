using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The persistent state of a staging upsert job (ADO.NET grain storage, state name <c>staging-upsert-job</c>).
/// </summary>
[GenerateSerializer, Alias("IcpSearch.StagingUpsertJobState")]
public sealed class StagingUpsertJobState
{
    [Id(0)] public StagingUpsertJobSpec? Spec { get; set; }

    [Id(1)] public JobStatus Status { get; set; }

    [Id(2)] public long Processed { get; set; }

    [Id(3)] public int Batches { get; set; }

    /// <summary>Gets or sets the UEN of the last committed row; null before the first batch.</summary>
    [Id(4)] public string? CursorUen { get; set; }

    [Id(5)] public DateTimeOffset CreatedAt { get; set; }

    [Id(6)] public DateTimeOffset? StartedAt { get; set; }

    [Id(7)] public DateTimeOffset? RunStartedAt { get; set; }

    /// <summary>Gets or sets the rows processed by the current run, compared against the per-run cap.</summary>
    [Id(8)] public long RunProcessed { get; set; }

    [Id(9)] public DateTimeOffset? EndedAt { get; set; }

    [Id(10)] public DateTimeOffset? NextRunAt { get; set; }

    [Id(11)] public string? Error { get; set; }

    [Id(12)] public string? ErrorCode { get; set; }

    /// <summary>Gets or sets the consecutive failed attempts of the current batch.</summary>
    [Id(13)] public int FailedAttempts { get; set; }

    /// <summary>Returns a copy to restore when a transition cannot be saved.</summary>
    public StagingUpsertJobState Clone() => (StagingUpsertJobState)MemberwiseClone();
}
