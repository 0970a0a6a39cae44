namespace IcpSearch.Grains.Jobs;

/// <summary>
/// One batch of new scores, committed with the re-scoring job's progress: arrays of equal length, one entry per score.
/// </summary>
/// <param name="BatchNo">The batch number, 1-based; a batch number can be committed once only.</param>
/// <param name="StartedAt">When the batch started, for its duration.</param>
/// <param name="CompanyIds">The companies whose scores are replaced.</param>
/// <param name="Scores">The new scores.</param>
/// <param name="Buckets">The new buckets.</param>
/// <param name="Rationales">The new rationales.</param>
/// <param name="SeenScoredAt">The scored_at each score had when it was read; a score written since (by a search or a staging job, under the current profile and newer facts) is left as it is.</param>
public sealed record RescoreBatchWrite(int BatchNo, DateTimeOffset StartedAt, long[] CompanyIds, short[] Scores, string[] Buckets, string[] Rationales, DateTime[] SeenScoredAt);
