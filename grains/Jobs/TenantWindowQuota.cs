namespace IcpSearch.Grains.Jobs;

/// <summary>
/// The rows a tenant's jobs may process together in one nightly window (<c>JOBS_MAX_ROWS_PER_TENANT_PER_WINDOW</c>).
/// </summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="WindowEndsAt">The end of the window, which names it.</param>
/// <param name="MaxRows">The most rows of the tenant's jobs in that window.</param>
public sealed record TenantWindowQuota(string TenantId, DateTimeOffset WindowEndsAt, long MaxRows);
