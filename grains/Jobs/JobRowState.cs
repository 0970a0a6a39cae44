using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// What every job's row state holds, and what <see cref="JobRowGrain{TState}"/> reads and writes of it; each job type's
/// state adds its own spec, cursor and pending batch. Orleans serializes a state only to carry a live activation to
/// another silo when its silo shuts down; the pending batch never goes along.
/// </summary>
/// <typeparam name="TSelf">The state type itself, so <see cref="Clone"/> returns it.</typeparam>
[GenerateSerializer]
public abstract class JobRowState<TSelf>
    where TSelf : JobRowState<TSelf>
{
    /// <summary>Gets the job's tenant, or null when the grain has no row.</summary>
    public abstract string? TenantId { get; }

    [Id(0)]
    public JobStatus Status { get; set; }

    /// <summary>Gets or sets the rows processed (for a re-score, the scores of the current pass; a restart begins at 0).</summary>
    [Id(1)]
    public long Processed { get; set; }

    /// <summary>Gets or sets the batches committed (batch numbers never repeat).</summary>
    [Id(2)]
    public int Batches { get; set; }

    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(4)]
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Gets or sets when the job ended; null while open.</summary>
    [Id(5)]
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Gets or sets when the job runs next; null when not queued.</summary>
    [Id(6)]
    public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>Gets or sets the fixed description of the job's error; null unless in error.</summary>
    [Id(7)]
    public string? Error { get; set; }

    /// <summary>Gets or sets the stable code of the job's error (<see cref="JobErrorCodes"/>); null unless in error.</summary>
    [Id(8)]
    public string? ErrorCode { get; set; }

    /// <summary>Gets or sets the consecutive failed attempts of the current batch.</summary>
    [Id(9)]
    public int FailedAttempts { get; set; }

    /// <summary>Returns a copy to restore when a transition cannot be saved.</summary>
    public TSelf Clone() => (TSelf)MemberwiseClone();

    /// <summary>Drops what was attached to commit with the last write.</summary>
    public abstract void ClearPendingBatch();
}
