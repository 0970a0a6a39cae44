using IcpSearch.GrainInterfaces.Search;

namespace IcpSearch.GrainInterfaces.Jobs;

/// <summary>
/// What a re-scoring job does: score every lead score of a tenant again under one ICP profile.
/// </summary>
/// <param name="TenantId">Gets the tenant whose lead scores are re-scored.</param>
/// <param name="Profile">Gets the profile to score under: the tenant's profile as saved when the job was (re)started.</param>
/// <param name="ProfileSavedAt">Gets when that profile was saved.</param>
[GenerateSerializer, Immutable, Alias("IcpSearch.RescoreJobSpec")]
public sealed record RescoreJobSpec(string TenantId, IcpProfile Profile, DateTimeOffset ProfileSavedAt);
