namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A re-scoring job's row as its grain state, with the version every write of the row is conditional on.
/// </summary>
public sealed record StoredRescoreJob(RescoreJobState State, long Version);
