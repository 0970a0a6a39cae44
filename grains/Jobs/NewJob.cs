using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A queued job to create in <c>background_jobs</c> under the id its grain was given, unless an open job already covers the same work.
/// </summary>
/// <param name="JobId">The id, from <see cref="IJobStore.NextJobIdAsync"/>.</param>
/// <param name="JobType">The job type, e.g. staging_upsert.</param>
/// <param name="Spec">What the job processes (its tenant included).</param>
/// <param name="NextRunAt">When the job's first run is due.</param>
public sealed record NewJob(long JobId, string JobType, StagingUpsertJobSpec Spec, DateTimeOffset NextRunAt);
