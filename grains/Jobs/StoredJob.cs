namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A job's row as its grain state, with the version every write of the row is conditional on.
/// </summary>
public sealed record StoredJob(StagingUpsertJobState State, long Version);
