using System.Diagnostics;
using System.Globalization;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Diagnostics;
using IcpSearch.Grains.Industries;
using IcpSearch.Grains.Jobs;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;
using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Search;

/// <summary>
/// A tenant's searches: terms → SSIC codes → the first matches through the lead pipeline now, the rest to a job.
/// </summary>
public sealed partial class TenantSearchGrain(
    [PersistentState("tenant-search", "tenants")] IPersistentState<TenantSearchState> state,
    IIndustryResolver resolver,
    IStagingRegistry registry,
    ILeadPipeline pipeline,
    IJobStore jobs,
    IOptions<SearchOptions> options,
    IOptions<StagingUpsertJobOptions> jobOptions,
    GrainInstruments instruments,
    TimeProvider time,
    ILogger<TenantSearchGrain> logger) : Grain, ITenantSearchGrain
{
    /// <summary>The most explicit terms one request may carry.</summary>
    public const int MaxExplicitTerms = 20;

    /// <summary>The longest explicit term.</summary>
    public const int MaxTermLength = 100;

    private readonly SearchOptions _options = options.Value;

    private string TenantId { get; set; } = "";

    // The profile as last saved. Searches interleave with SetIcpProfileAsync, so they read this rather than
    // state.State, which holds the new profile while its write is still in flight (and may yet fail).
    private IcpProfile? _savedProfile;

    private IcpProfile Profile => _savedProfile ?? IcpProfile.Default;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        TenantId = TenantGrainKey.TenantIdOf(this.GetPrimaryKeyString());

        // The key prefix keeps tenants' storage rows apart (see TenantGrainKey); should two ever meet anyway,
        // refuse another tenant's state rather than serve it.
        if (state.RecordExists && state.State.TenantId is { } owner && owner != TenantId)
        {
            throw new InvalidOperationException($"Stored tenant state belongs to '{owner}', not '{TenantId}'.");
        }

        _savedProfile = state.State.Profile;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<SearchResult> SearchAsync(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var terms = request.Terms is { Count: > 0 } explicitTerms ? NormaliseExplicit(explicitTerms) : TermExtractor.Extract(request.Message);
        var result = await SearchTermsAsync(terms, request.Message);
        instruments.OnSearchCompleted(clock.Elapsed, result.Mode);
        LogSearch(logger, TenantId, string.Join(", ", terms), result.TotalMatches, result.Companies.Count, result.Scheduled, result.JobId, clock.Elapsed.TotalMilliseconds);
        return result;
    }

    /// <inheritdoc />
    public async Task<EnqueueResult> EnqueueStagingUpsertAsync(IReadOnlyList<string> terms)
    {
        var normalised = NormaliseExplicit(terms);
        var (match, _) = await MatchAsync(normalised);
        var total = await registry.CountMatchesAsync(match);
        var (jobId, created) = await CreateJobAsync(new StagingUpsertJobSpec(TenantId, normalised, match, [], total, "api"))
            ?? throw new OpenJobsLimitException(OpenJobsLimitMessage());
        return new EnqueueResult(jobId, !created, total, match.Codes);
    }

    /// <inheritdoc />
    public Task<IcpProfile> GetIcpProfileAsync() => Task.FromResult(Profile);

    /// <inheritdoc />
    public async Task<IcpProfile> SetIcpProfileAsync(IcpProfile profile)
    {
        var normalised = IcpProfileValidator.Normalise(profile);
        var before = (state.State.TenantId, state.State.Profile, state.State.UpdatedAt);
        state.State.TenantId = TenantId;
        state.State.Profile = normalised;
        state.State.UpdatedAt = time.GetUtcNow();
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Back to what is stored, so a later write of other fields cannot save this profile by accident.
            (state.State.TenantId, state.State.Profile, state.State.UpdatedAt) = before;
            throw;
        }

        _savedProfile = normalised;
        return normalised;
    }

    private async Task<SearchResult> SearchTermsAsync(IReadOnlyList<string> terms, string? message)
    {
        var mode = _options.Mode;
        if (terms.Count == 0)
        {
            var notice = message is not null && TermExtractor.IsUrlOrDomain(message.Trim())
                ? "That looks like a website address, not an industry. Name an industry, for example \"Manufacturing\"."
                : "I couldn't find an industry in your message. Name one, for example \"Manufacturing\" or \"logistics and warehousing\".";
            return Empty(terms, [], mode, notice, "none");
        }

        if (mode == SearchOptions.Off)
        {
            return Empty(terms, [], mode,
                $"Understood {Quote(terms)}. Staging upserts are switched off (STAGING_UPSERT_MODE=off): nothing was searched or written.", "none");
        }

        var (match, matchedBy) = await MatchAsync(terms);
        var total = await registry.CountMatchesAsync(match);
        if (total == 0)
        {
            return Empty(terms, match.Codes, mode, $"No registry companies match {Quote(terms)}. Try a broader industry.", matchedBy);
        }

        return mode == SearchOptions.SyncPreview
            ? await PreviewAsync(terms, match, total, matchedBy)
            : await UpsertHeadAsync(terms, match, total, matchedBy);
    }

    // SSIC titles first; only when no term names any code, the registry's own activity descriptions.
    private async Task<(MatchSpec Match, string MatchedBy)> MatchAsync(IReadOnlyList<string> terms)
    {
        var resolved = await resolver.ResolveAsync(terms);
        if (resolved.Codes.Count > 0)
        {
            return (new MatchSpec(resolved.Codes), "ssic_code");
        }

        // "SMEs" or "startups" name no industry: they must not match every description that mentions them.
        var described = terms.Where(t => !IndustryAliases.IsNotAnIndustry(t)).ToList();
        var codes = described.Count == 0 ? [] : await registry.FindCodesByDescriptionAsync(described);
        return (new MatchSpec(codes), codes.Count > 0 ? "description" : "none");
    }

    private async Task<SearchResult> UpsertHeadAsync(IReadOnlyList<string> terms, MatchSpec match, long total, string matchedBy)
    {
        var head = await registry.ReadHeadAsync(match, _options.SyncLimit);
        var scoring = new ScoringContext(Profile, match.Codes, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var companies = head.Count == 0 ? [] : (await pipeline.ProcessAsync(new PipelineRequest(TenantId, head, scoring))).Select(ToSearchCompany).ToList();

        // The job takes every other match: it leaves out exactly the rows handled here, so no row is done twice.
        var scheduled = Math.Max(0, total - head.Count);
        long? jobId = null;
        var reused = false;
        if (scheduled > 0)
        {
            var handled = head.Select(r => r.Uen!).ToList();
            if (await CreateJobAsync(new StagingUpsertJobSpec(TenantId, terms, match, handled, scheduled, "chat")) is not { } job)
            {
                // At the cap the search still answers with what it handled now; only the rest goes unscheduled.
                return new SearchResult(terms, match.Codes, companies, total, 0, null, false,
                    $"Upserted and enriched {N(head.Count)} now; the other {N(scheduled)} matches were not scheduled. {OpenJobsLimitMessage()}",
                    SearchOptions.Background, [], matchedBy);
            }

            (jobId, reused) = (job.JobId, !job.Created);
        }

        var notice = (head.Count, scheduled) switch
        {
            (0, _) => $"Scheduled {N(scheduled)} matches for nightly processing (job {jobId}{(reused ? ", already queued" : "")}).",
            (_, 0) => $"Upserted and enriched {N(head.Count)} now; that is every match for {Quote(terms)}.",
            _ => $"Upserted and enriched {N(head.Count)} now; scheduled {N(scheduled)} remaining for nightly processing (job {jobId}{(reused ? ", already queued" : "")}).",
        };
        return new SearchResult(terms, match.Codes, companies, total, scheduled, jobId, reused, notice, SearchOptions.Background, [], matchedBy);
    }

    private async Task<SearchResult> PreviewAsync(IReadOnlyList<string> terms, MatchSpec match, long total, string matchedBy)
    {
        var sample = await registry.ReadHeadAsync(match, _options.PreviewLimit);
        if (await CreateJobAsync(new StagingUpsertJobSpec(TenantId, terms, match, [], total, "chat")) is not var (jobId, created))
        {
            return new SearchResult(terms, match.Codes, [], total, 0, null, false,
                $"Preview of {N(sample.Count)} of {N(total)} matches; nothing written now and nothing scheduled. {OpenJobsLimitMessage()}",
                SearchOptions.SyncPreview, sample.Select(r => r.EntityName).ToList(), matchedBy);
        }

        var notice = $"Preview of {N(sample.Count)} of {N(total)} matches; nothing written now. Scheduled all {N(total)} for nightly processing (job {jobId}{(created ? "" : ", already queued")}).";
        return new SearchResult(terms, match.Codes, [], total, total, jobId, !created, notice, SearchOptions.SyncPreview,
            sample.Select(r => r.EntityName).ToList(), matchedBy);
    }

    // Null when the tenant is at its cap of open jobs. The job creates its own row (under an id allocated here) and
    // answers with the open job that already covers the same work, if there is one.
    private async Task<(long JobId, bool Created)?> CreateJobAsync(StagingUpsertJobSpec spec)
    {
        var jobId = await jobs.NextJobIdAsync();
        try
        {
            var holder = await GrainFactory.GetGrain<IStagingUpsertJobGrain>(jobId).ScheduleAsync(spec);
            return (holder.JobId, holder.JobId == jobId);
        }
        catch (OpenJobsLimitException)
        {
            LogOpenJobsLimit(logger, TenantId, jobOptions.Value.MaxOpenPerTenant);
            return null;
        }
    }

    private static SearchCompany ToSearchCompany(PipelineCompany c) => new(
        c.CompanyId, c.Uen, c.Name, c.Industry, c.IndustryCode, c.Score, c.Bucket, c.Rationale, c.EnrichmentStatus, c.EnrichmentReason);

    private string OpenJobsLimitMessage()
        => $"This tenant already has {N(jobOptions.Value.MaxOpenPerTenant)} open jobs (JOBS_MAX_OPEN_PER_TENANT); cancel some or wait for them to finish, then try again.";

    private static IReadOnlyList<string> NormaliseExplicit(IReadOnlyList<string> terms)
    {
        if (terms.Count is 0 or > MaxExplicitTerms)
        {
            throw new InvalidSearchException("terms", $"terms must hold 1 to {MaxExplicitTerms} strings (got {terms.Count}).");
        }

        var normalised = new List<string>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            var raw = terms[i];
            if (string.IsNullOrWhiteSpace(raw) || raw.Length > MaxTermLength)
            {
                throw new InvalidSearchException($"terms[{i}]", $"terms[{i}] must be a non-empty string of at most {MaxTermLength} characters.");
            }

            var term = TermExtractor.NormaliseExplicit(raw)
                ?? throw new InvalidSearchException($"terms[{i}]", $"terms[{i}] ('{raw}') has no letters to search for.");
            if (!normalised.Contains(term))
            {
                normalised.Add(term);
            }
        }

        return normalised;
    }

    private static SearchResult Empty(IReadOnlyList<string> terms, IReadOnlyList<string> codes, string mode, string notice, string matchedBy)
        => new(terms, codes, [], 0, 0, null, false, notice, mode, [], matchedBy);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Quote(IReadOnlyList<string> terms) => string.Join(", ", terms.Select(t => $"\"{t}\""));

    [LoggerMessage(EventId = 400, EventName = "search", Level = LogLevel.Information,
        Message = "Search for tenant {TenantId} ({Terms}): {TotalMatches} matches, {SyncCount} now, {Scheduled} scheduled (job {JobId}) in {DurationMs:0.0} ms")]
    private static partial void LogSearch(ILogger logger, string tenantId, string terms, long totalMatches, int syncCount, long scheduled, long? jobId, double durationMs);

    [LoggerMessage(EventId = 401, EventName = "open_jobs_limit", Level = LogLevel.Warning,
        Message = "Tenant {TenantId} is at its cap of {MaxOpen} open jobs; no job was created")]
    private static partial void LogOpenJobsLimit(ILogger logger, string tenantId, int maxOpen);
}
