namespace IcpSearch.Grains.Jobs;

/// <summary>
/// How a job batch's transaction commits: without waiting for its WAL to reach the disk.
/// </summary>
/// <remarks>
/// A batch's rows and its job's progress are one transaction, so a PostgreSQL crash (a silo's crash loses nothing that
/// committed) that takes back the last few batches' commits takes each back whole, as if it had rolled back: the job's
/// next write finds its row at an older version, reads it again and redoes those batches from the durable cursor, and
/// the upserts write each row once. Transitions (done, error, cancelled, requeued) and searches still wait for the flush,
/// which carries every earlier commit to disk with it, so "done" is never read over batches that could be lost.
/// Waiting for the flush after every batch cost a job about a sixth of its rate (bench/run.sh jobs).
/// </remarks>
internal static class JobBatchCommit
{
    /// <summary>Returns the statement that makes the enclosing transaction's commit asynchronous; it applies to that transaction only.</summary>
    public static NpgsqlBatchCommand Asynchronous() => new("SET LOCAL synchronous_commit = off");
}
