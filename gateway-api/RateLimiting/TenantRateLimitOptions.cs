namespace IcpSearch.Gateway.RateLimiting;

/// <summary>
/// Per-tenant request rates of the expensive operations: chat searches and job creation. Zero switches a limit off.
/// </summary>
public sealed class TenantRateLimitOptions
{
    /// <summary>Gets or sets how many chat requests (<c>POST /chat</c>) one tenant may send per minute (<c>CHAT_RATE_PER_MINUTE</c>), 0 (off) to 100,000. Default: 60; off in Development unless set.</summary>
    public int ChatPerMinute { get; set; } = 60;

    /// <summary>Gets or sets how many jobs (<c>POST /jobs/staging_upsert</c>) one tenant may create per minute (<c>JOBS_CREATE_RATE_PER_MINUTE</c>), 0 (off) to 100,000. Default: 10; off in Development unless set.</summary>
    public int JobCreatesPerMinute { get; set; } = 10;
}
