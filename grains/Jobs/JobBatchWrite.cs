using IcpSearch.Grains.Pipeline;

namespace IcpSearch.Grains.Jobs;

/// <summary>
/// A batch committed with the job's state: its companies, scores and runs, and its <c>job_batches</c> row.
/// </summary>
/// <param name="BatchNo">The batch number, 1-based; a batch number can be committed once only.</param>
/// <param name="StartedAt">When the batch started, for its duration.</param>
/// <param name="Companies">What the pipeline prepared for the batch's rows.</param>
/// <param name="Quota">The tenant's rows-per-window cap the batch counts against, or null when there is none.</param>
public sealed record JobBatchWrite(int BatchNo, DateTimeOffset StartedAt, CompanyWrite Companies, TenantWindowQuota? Quota = null);
