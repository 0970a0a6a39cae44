using IcpSearch.GrainInterfaces.Jobs;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A job to create in <c>background_jobs</c>, unless an open job already covers the same work.
/// </summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="JobType">The job type, e.g. staging_upsert.</param>
/// <param name="Spec">What the job processes.</param>
public sealed record NewJob(string TenantId, string JobType, StagingUpsertJobSpec Spec);
