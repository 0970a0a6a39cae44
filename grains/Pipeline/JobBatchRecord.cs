namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// A job's progress after a batch, committed in the same transaction as the batch's rows so the two never disagree.
/// </summary>
/// <param name="JobId">The job.</param>
/// <param name="BatchNo">The batch number, 1-based; a batch number can be committed once only.</param>
/// <param name="ProcessedAfter">The job's processed count including this batch.</param>
/// <param name="CursorUen">The UEN of the batch's last row.</param>
/// <param name="StartedAt">When the batch started, for its duration.</param>
public sealed record JobBatchRecord(long JobId, int BatchNo, long ProcessedAfter, string CursorUen, DateTimeOffset StartedAt);
