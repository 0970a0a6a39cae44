using System.Diagnostics;
using System.Globalization;
using IcpSearch.GrainInterfaces.Jobs;
using IcpSearch.GrainInterfaces.Search;
using IcpSearch.Grains.Diagnostics;
using IcpSearch.Grains.Industries;
using IcpSearch.Grains.Jobs;
using IcpSearch.Grains.Pipeline;
using IcpSearch.Grains.Registry;
using IcpSearch.Grains.Search.Understanding;
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
    IRescoreJobStore rescoreJobs,
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

    /// <summary>The longest chat message.</summary>
    public const int MaxMessageLength = 4000;

    /// <summary>The most narrower headings offered.</summary>
    public const int MaxRefinements = 8;

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
        var parsed = request switch
        {
            { Query: { } query } => CheckQuery(query),
            { Terms: { Count: > 0 } explicitTerms } => new ParsedMessage(NormaliseExplicit(explicitTerms), SearchFilters.Default with { Statuses = [] }, [], []),
            _ => MessageParser.Parse(CheckMessage(request.Message)),
        };
        var result = await SearchParsedAsync(parsed, request.Message);
        instruments.OnSearchCompleted(clock.Elapsed, result.Mode);
        LogSearch(logger, TenantId, string.Join(", ", parsed.Industries), result.TotalMatches, result.Companies.Count, result.Scheduled, result.JobId, clock.Elapsed.TotalMilliseconds);
        return result;
    }

    /// <inheritdoc />
    public async Task<EnqueueResult> EnqueueStagingUpsertAsync(IReadOnlyList<string> terms)
    {
        var normalised = NormaliseExplicit(terms);
        var (match, _, _) = await MatchAsync(new ParsedMessage(normalised, SearchFilters.Default with { Statuses = [] }, [], []));
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
        // Saving what scores the same (a second click on Save) must not re-score every lead of the tenant again.
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var scoresAlike = new IcpScoreModel(Profile, [], today).Key == new IcpScoreModel(normalised, [], today).Key;
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
        if (!scoresAlike)
        {
            await ScheduleRescoreAsync(new RescoreJobSpec(TenantId, normalised, state.State.UpdatedAt!.Value));
        }

        return normalised;
    }

    /// <inheritdoc />
    public async Task<UnderstoodIcp> SaveUnderstoodAsIcpAsync(SearchUnderstanding understood)
    {
        ArgumentNullException.ThrowIfNull(understood);
        var mapped = UnderstoodIcpMapper.Map(understood, Profile.GetWeights(), time.GetUtcNow().Year);
        return mapped with { Profile = await SetIcpProfileAsync(mapped.Profile) };
    }

    // Profiles are saved one at a time (SetIcpProfileAsync does not interleave with itself), so the open re-score
    // is restarted under each new profile in turn and ends under the latest; the loop covers a job that ended
    // between finding it and restarting it.
    private async Task ScheduleRescoreAsync(RescoreJobSpec spec)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await rescoreJobs.FindOpenAsync(TenantId) is { } open)
            {
                if (await GrainFactory.GetGrain<IRescoreJobGrain>(open).RestartAsync(spec) is not null)
                {
                    return;
                }
            }
            else if (await GrainFactory.GetGrain<IRescoreJobGrain>(await jobs.NextJobIdAsync()).StartAsync(spec) is not null)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Tenant {TenantId}'s re-scoring job could neither be restarted nor started.");
    }

    private async Task<SearchResult> SearchParsedAsync(ParsedMessage parsed, string? message)
    {
        var mode = _options.Mode;
        var terms = parsed.Industries;
        if (terms.Count == 0)
        {
            var understood = SearchUnderstanding.None with { Filters = parsed.Filters, Unmatched = parsed.Unmatched };
            var heard = UnderstandingNotice.Summarise(understood, parsed.Constraints);
            var notice = message is not null && TermExtractor.IsUrlOrDomain(message.Trim())
                ? "That looks like a website address, not an industry. Name an industry, for example \"Manufacturing\"."
                : "I couldn't find an industry in your message. Name one, for example \"Manufacturing\" or \"logistics and warehousing\".";
            return Empty(terms, [], mode, Prefix(heard, notice), "none", understood);
        }

        if (mode == SearchOptions.Off)
        {
            var understood = SearchUnderstanding.None with { Filters = parsed.Filters, Unmatched = parsed.Unmatched };
            return Empty(terms, [], mode,
                $"Understood {Quote(terms)}. Staging upserts are switched off (STAGING_UPSERT_MODE=off): nothing was searched or written.", "none", understood);
        }

        var (match, matchedBy, understanding) = await MatchAsync(parsed);
        var summary = UnderstandingNotice.Summarise(understanding, parsed.Constraints);
        var total = await registry.CountMatchesAsync(match);
        if (total == 0)
        {
            var notice = match.IsEmpty
                ? $"No registry companies match {Quote(terms)}. Try a broader industry."
                : $"No registry companies match {Quote(terms)} with these constraints. Try removing one.";
            return Empty(terms, match.Codes, mode, Prefix(summary, notice), matchedBy, understanding);
        }

        var refinements = total > _options.RefineAbove ? await RefineAsync(match) : [];
        var result = mode == SearchOptions.SyncPreview
            ? await PreviewAsync(terms, match, total, matchedBy)
            : await UpsertHeadAsync(terms, match, total, matchedBy);
        return result with { Notice = Prefix(summary, result.Notice), Understood = understanding, Refinements = refinements };
    }

    // SSIC titles first; only when no phrase names any code, the registry's own activity descriptions. Excluded
    // phrases resolve the same way and their codes come out of the match.
    private async Task<(MatchSpec Match, string MatchedBy, SearchUnderstanding Understood)> MatchAsync(ParsedMessage parsed)
    {
        var terms = parsed.Industries;
        var filters = MatchFiltersMapping.ToMatchFilters(parsed.Filters, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var resolved = await resolver.ResolveAsync(terms);
        var excluded = await IndustryExclusions.ExcludedCodesAsync(resolver, terms, parsed.Filters.Exclude, resolved.Codes);
        var unmatched = parsed.Unmatched.ToList();
        IReadOnlyList<UnderstoodIndustry> industries;
        List<string> codes;
        string matchedBy;
        if (resolved.Codes.Count > 0)
        {
            codes = [.. resolved.Codes.Where(c => !excluded.Contains(c))];
            industries = [.. resolved.Headings.Select(h => new UnderstoodIndustry(h.Code, h.Title, h.Level, h.MatchedBy, h.Term, h.CodeCount))];
            unmatched.AddRange(resolved.UnresolvedTerms);
            matchedBy = "ssic_code";
        }
        else
        {
            // "SMEs" or "startups" name no industry: they must not match every description that mentions them.
            var described = terms.Where(t => !IndustryAliases.IsNotAnIndustry(t)).ToList();
            codes = described.Count == 0 ? [] : [.. (await registry.FindCodesByDescriptionAsync(described)).Where(c => !excluded.Contains(c))];
            industries = [.. codes.Select(c => new UnderstoodIndustry(c, string.Join(", ", terms), "subclass", "description", string.Join(", ", terms), 1))];
            if (codes.Count == 0)
            {
                unmatched.AddRange(terms);
            }

            matchedBy = codes.Count > 0 ? "description" : "none";
        }

        var understood = new SearchUnderstanding(industries, codes, parsed.Filters, [.. unmatched.Distinct(StringComparer.Ordinal)]);
        return (new MatchSpec(codes, filters.IsNone ? null : filters), matchedBy, understood);
    }

    // Narrower headings: the first level below the broadest that splits the codes in two or more.
    private async Task<IReadOnlyList<Refinement>> RefineAsync(MatchSpec match)
    {
        var length = Enumerable.Range(2, 4).FirstOrDefault(l => match.Codes.Select(c => c[..Math.Min(l, c.Length)]).Distinct().Skip(1).Any());
        if (length == 0)
        {
            return [];
        }

        string[] levels = ["division", "group", "class", "subclass"];
        var headings = await registry.CountByHeadingAsync(match, length, MaxRefinements);
        return [.. headings.Select(h => new Refinement(h.Code, h.Title, levels[length - 2], h.Count))];
    }

    private async Task<SearchResult> UpsertHeadAsync(IReadOnlyList<string> terms, MatchSpec match, long total, string matchedBy)
    {
        var scoring = ScoringFor(match);
        var head = await ReadHeadAsync(match, scoring, _options.SyncLimit);
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
                    SearchOptions.Background, [], matchedBy, SearchUnderstanding.None, []);
            }

            (jobId, reused) = (job.JobId, !job.Created);
        }

        var notice = (head.Count, scheduled) switch
        {
            (0, _) => $"Scheduled {N(scheduled)} matches for nightly processing (job {jobId}{(reused ? ", already queued" : "")}).",
            (_, 0) => $"Upserted and enriched {N(head.Count)} now; that is every match for {Quote(terms)}.",
            _ => $"Upserted and enriched {N(head.Count)} now; scheduled {N(scheduled)} remaining for nightly processing (job {jobId}{(reused ? ", already queued" : "")}).",
        };
        return new SearchResult(terms, match.Codes, companies, total, scheduled, jobId, reused, notice, SearchOptions.Background, [], matchedBy, SearchUnderstanding.None, []);
    }

    private async Task<SearchResult> PreviewAsync(IReadOnlyList<string> terms, MatchSpec match, long total, string matchedBy)
    {
        var sample = await ReadHeadAsync(match, ScoringFor(match), _options.PreviewLimit);
        if (await CreateJobAsync(new StagingUpsertJobSpec(TenantId, terms, match, [], total, "chat")) is not { } job)
        {
            return new SearchResult(terms, match.Codes, [], total, 0, null, false,
                $"Preview of {N(sample.Count)} of {N(total)} matches; nothing written now and nothing scheduled. {OpenJobsLimitMessage()}",
                SearchOptions.SyncPreview, sample.Select(r => r.EntityName).ToList(), matchedBy, SearchUnderstanding.None, []);
        }

        var (jobId, created) = job;
        var notice = $"Preview of {N(sample.Count)} of {N(total)} matches; nothing written now. Scheduled all {N(total)} for nightly processing (job {jobId}{(created ? "" : ", already queued")}).";
        return new SearchResult(terms, match.Codes, [], total, total, jobId, !created, notice, SearchOptions.SyncPreview,
            sample.Select(r => r.EntityName).ToList(), matchedBy, SearchUnderstanding.None, []);
    }

    // Null when the tenant is at its cap of open jobs. The job creates its own row (under an id allocated here) and
    // answers with the open job that already covers the same work, if there is one.
    private async Task<(long JobId, bool Created)?> CreateJobAsync(StagingUpsertJobSpec spec)
    {
        // A repeated search finds its open job with one read; only new work allocates an id and a job grain (which
        // arms a reminder and inserts its row, and settles a race with an identical search under the unique index).
        if (await jobs.FindOpenAsync(StagingUpsertJobGrain.JobType, spec) is { } open)
        {
            return (open, false);
        }

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

    private Task<IReadOnlyList<RegistryRow>> ReadHeadAsync(MatchSpec match, ScoringContext scoring, int limit)
        => _options.SyncOrder == SearchOptions.MatchOrder
            ? registry.ReadHeadAsync(match, limit)
            : registry.ReadBestAsync(match, scoring.Model, limit);

    private ScoringContext ScoringFor(MatchSpec match) => new(Profile, match.Codes, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    private static SearchCompany ToSearchCompany(PipelineCompany c) => new(
        c.CompanyId, c.Uen, c.Name, c.Industry, c.IndustryCode, c.Score, c.Bucket, c.Rationale, c.EnrichmentStatus, c.EnrichmentReason);

    private string OpenJobsLimitMessage()
        => $"This tenant already has {N(jobOptions.Value.MaxOpenPerTenant)} open jobs (JOBS_MAX_OPEN_PER_TENANT); cancel some or wait for them to finish, then try again.";

    // A query understood elsewhere (a thread's) is searched as it is, so it is held to what the parser can yield.
    private static ParsedMessage CheckQuery(SearchQuery query)
    {
        if (query.Industries is null || query.Industries.Count > MaxExplicitTerms)
        {
            throw new InvalidSearchException("query.industries", $"query.industries must hold at most {MaxExplicitTerms} phrases.");
        }

        if (query.Industries.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > MaxTermLength || p.Any(char.IsControl)))
        {
            throw new InvalidSearchException("query.industries", $"each of query.industries must be a non-empty phrase of at most {MaxTermLength} characters.");
        }

        if (query.Filters is null || query.Constraints is null || query.Constraints.Count > MaxExplicitTerms || query.Constraints.Any(c => c is null || c.Length > MaxTermLength))
        {
            throw new InvalidSearchException("query", $"query needs filters and at most {MaxExplicitTerms} constraints of at most {MaxTermLength} characters.");
        }

        return new ParsedMessage([.. query.Industries.Distinct(StringComparer.Ordinal)], query.Filters, query.Constraints, []);
    }

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

    private static SearchResult Empty(IReadOnlyList<string> terms, IReadOnlyList<string> codes, string mode, string notice, string matchedBy, SearchUnderstanding understood)
        => new(terms, codes, [], 0, 0, null, false, notice, mode, [], matchedBy, understood, []);

    // NUL cannot be stored in PostgreSQL text, and other control characters have no place in a chat message: refused
    // before anything is searched or written.
    private static string? CheckMessage(string? message)
    {
        if (message is null)
        {
            return null;
        }

        if (message.Length > MaxMessageLength)
        {
            throw new InvalidSearchException("message", $"message has {message.Length} characters; at most {MaxMessageLength} are allowed.");
        }

        for (var i = 0; i < message.Length; i++)
        {
            var c = message[i];
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                throw new InvalidSearchException("message", $"message contains a control character (U+{(int)c:X4}) at position {i}.");
            }

            if (char.IsHighSurrogate(c) ? i + 1 >= message.Length || !char.IsLowSurrogate(message[++i]) : char.IsLowSurrogate(c))
            {
                throw new InvalidSearchException("message", $"message contains a broken UTF-16 surrogate at position {i}.");
            }
        }

        return message;
    }

    private static string Prefix(string summary, string notice) => summary.Length == 0 ? notice : $"{summary}. {notice}";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Quote(IReadOnlyList<string> terms) => string.Join(", ", terms.Select(t => $"\"{t}\""));

    [LoggerMessage(EventId = 400, EventName = "search", Level = LogLevel.Information,
        Message = "Search for tenant {TenantId} ({Terms}): {TotalMatches} matches, {SyncCount} now, {Scheduled} scheduled (job {JobId}) in {DurationMs:0.0} ms")]
    private static partial void LogSearch(ILogger logger, string tenantId, string terms, long totalMatches, int syncCount, long scheduled, long? jobId, double durationMs);

    [LoggerMessage(EventId = 401, EventName = "open_jobs_limit", Level = LogLevel.Warning,
        Message = "Tenant {TenantId} is at its cap of {MaxOpen} open jobs; no job was created")]
    private static partial void LogOpenJobsLimit(ILogger logger, string tenantId, int maxOpen);
}
