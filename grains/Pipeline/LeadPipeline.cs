using System.Diagnostics;
using IcpSearch.Grains.Diagnostics;
using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// Runs every enrichment provider over the batch within its time budget, scores each company, then hands the
/// whole batch to <see cref="ICompanyStore"/> as one write.
/// </summary>
public sealed partial class LeadPipeline(
    IEnumerable<IEnrichmentProvider> providers,
    ICompanyStore store,
    IOptions<EnrichmentOptions> options,
    GrainInstruments instruments,
    TimeProvider time,
    ILogger<LeadPipeline> logger) : ILeadPipeline
{
    private readonly IEnrichmentProvider[] _providers = providers.ToArray();

    /// <inheritdoc />
    public async Task<CompanyWrite> PrepareAsync(PipelineRequest request, CancellationToken cancellationToken = default)
    {
        var drafts = Deduplicate(request.Rows);
        var runs = new List<EnrichmentRun>(drafts.Count * _providers.Length);
        if (drafts.Count > 0)
        {
            foreach (var provider in _providers)
            {
                await EnrichAsync(provider, drafts, runs, cancellationToken);
            }
        }

        var scored = drafts.Select(d => new ScoredCompany(d, request.Scoring.Model.Score(ScoreFacts.From(d.Source)), d.SourceHash())).ToList();
        return new CompanyWrite(request.TenantId, scored, runs);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PipelineCompany>> ProcessAsync(PipelineRequest request, CancellationToken cancellationToken = default)
    {
        var write = await PrepareAsync(request, cancellationToken);
        if (write.Companies.Count == 0)
        {
            return [];
        }

        var ids = await store.SaveAsync(write, cancellationToken);
        instruments.OnCompaniesProcessed(write.Companies.Count, "sync");
        return write.Companies.Select((s, i) => new PipelineCompany(
            ids[i], s.Company.Uen, s.Company.Name, s.Company.IndustryNorm, s.Company.IndustryCode,
            s.Score.Score, s.Score.Bucket, s.Score.Rationale, s.Company.EnrichmentStatus, s.Company.EnrichmentReason)).ToList();
    }

    private async Task EnrichAsync(IEnrichmentProvider provider, List<CompanyDraft> drafts, List<EnrichmentRun> runs, CancellationToken cancellationToken)
    {
        var budget = options.Value.ProviderTimeout;
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        string outcome = "ok";
        string? reason = null;

        var before = drafts.Select(d => d.DegradedCount).ToArray();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        try
        {
            // WaitAsync bounds the wait even for a provider that ignores its token.
            await provider.EnrichAsync(drafts, timeout.Token).AsTask().WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = "timeout";
            reason = $"{provider.Source}: exceeded its {budget.TotalMilliseconds:0} ms budget";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A provider failure degrades the companies; it never fails the search or the batch.
            outcome = "failed";
            reason = $"{provider.Source}: {ex.Message}";
            LogProviderFailed(logger, ex, provider.Source, drafts.Count);
        }

        var share = (float)(clock.Elapsed.TotalMilliseconds / drafts.Count);
        var degraded = 0;
        for (var i = 0; i < drafts.Count; i++)
        {
            if (reason is not null)
            {
                drafts[i].MarkDegraded(reason);
            }

            // A provider that ran may still have given up on single companies (e.g. a row without an SSIC code).
            var companyReason = drafts[i].ReasonsSince(before[i]);
            var companyOutcome = reason is not null ? outcome : companyReason is null ? "ok" : "failed";
            runs.Add(new EnrichmentRun(i, provider.Source, companyOutcome, companyReason, share, startedAt));
            if (companyReason is not null)
            {
                degraded++;
            }
        }

        if (degraded > 0)
        {
            instruments.OnEnrichmentDegraded(degraded, provider.Source);
        }
    }

    // One statement cannot upsert the same key twice, so duplicate UENs (or names without a UEN) keep their first row.
    private static List<CompanyDraft> Deduplicate(IReadOnlyList<Registry.RegistryRow> rows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var drafts = new List<CompanyDraft>(rows.Count);
        foreach (var row in rows)
        {
            var draft = new CompanyDraft(row);
            var key = draft.Uen is { } uen ? "u:" + uen : "n:" + draft.Name.ToLowerInvariant();
            if (seen.Add(key))
            {
                drafts.Add(draft);
            }
        }

        return drafts;
    }

    [LoggerMessage(EventId = 200, EventName = "enrichment_provider_failed", Level = LogLevel.Warning,
        Message = "Enrichment provider {Source} failed on a batch of {Count}; the companies are marked degraded")]
    private static partial void LogProviderFailed(ILogger logger, Exception exception, string source, int count);
}
