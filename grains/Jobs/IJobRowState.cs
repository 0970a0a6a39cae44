using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// What <see cref="JobRowGrain{TState}"/> reads and writes of a job's row state; each job type's state implements it.
/// </summary>
/// <typeparam name="TSelf">The state type itself, so <see cref="Clone"/> returns it.</typeparam>
public interface IJobRowState<TSelf>
    where TSelf : class, IJobRowState<TSelf>
{
    /// <summary>Gets the job's tenant, or null when the grain has no row.</summary>
    string? TenantId { get; }

    /// <summary>Gets or sets the job's status.</summary>
    JobStatus Status { get; set; }

    /// <summary>Gets the rows (or scores) processed.</summary>
    long Processed { get; }

    /// <summary>Gets the batches committed.</summary>
    int Batches { get; }

    /// <summary>Gets or sets when the job ended; null while open.</summary>
    DateTimeOffset? EndedAt { get; set; }

    /// <summary>Gets or sets when the job runs next; null when not queued.</summary>
    DateTimeOffset? NextRunAt { get; set; }

    /// <summary>Gets or sets the fixed description of the job's error; null unless in error.</summary>
    string? Error { get; set; }

    /// <summary>Gets or sets the stable code of the job's error (<see cref="JobErrorCodes"/>); null unless in error.</summary>
    string? ErrorCode { get; set; }

    /// <summary>Gets or sets the consecutive failed attempts of the current batch.</summary>
    int FailedAttempts { get; set; }

    /// <summary>Returns a copy to restore when a transition cannot be saved.</summary>
    TSelf Clone();

    /// <summary>Drops what was attached to commit with the last write.</summary>
    void ClearPendingBatch();
}
