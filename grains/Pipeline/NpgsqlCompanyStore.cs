using Microsoft.Extensions.Options;

namespace IcpSearch.Grains.Pipeline;

/// <summary>
/// <see cref="ICompanyStore"/> as one statement: unnest the batch, upsert companies, append enrichment runs and
/// upsert lead scores in data-modifying CTEs, so a batch of any size is one round trip and one transaction.
/// </summary>
/// <remarks>
/// A company whose enriched values are unchanged (same <c>source_hash</c>) and that was written less than
/// <see cref="EnrichmentOptions.RefreshAfter"/> ago is only looked up, not rewritten: concurrent searches for the same
/// industry would otherwise queue on the same company rows' locks just to move <c>last_seen</c>.
/// Scores carry their values along with the company ids instead of joining <c>input</c> again: under the scores'
/// <c>ORDER BY</c> (lock order), that join made PostgreSQL 15 spend time superlinear in the batch, 2.2 s of a
/// 5,000-row batch's 2.5 s in its unnest (bench/run.sh jobs --batch 5000).
/// </remarks>
public sealed class NpgsqlCompanyStore(NpgsqlDataSource dataSource, IOptions<EnrichmentOptions> options) : ICompanyStore
{
    private const string UpsertSql = """
        WITH input AS (
            SELECT *
            FROM unnest(@ord, @uen, @name, @industry_norm, @industry_code, @website_domain, @employees_est, @size_band,
                        @incorporation_year, @founded_year, @sg_registered, @entity_type, @entity_status, @hq_district,
                        @hq_city, @hq_country, @postal_code, @enrichment_status, @enrichment_reason, @source_hash, @score, @bucket, @rationale,
                        @secondary_ssic_code, @officers, @searched_industry_grade)
                 AS t(ord, uen, name, industry_norm, industry_code, website_domain, employees_est, size_band,
                      incorporation_year, founded_year, sg_registered, entity_type, entity_status, hq_district,
                      hq_city, hq_country, postal_code, enrichment_status, enrichment_reason, source_hash, score, bucket, rationale,
                      secondary_ssic_code, officers, searched_industry_grade)
        ),
        fresh AS (
            SELECT i.ord, c.company_id, i.score, i.bucket, i.rationale, i.searched_industry_grade
            FROM input i
            JOIN companies c ON c.uen = i.uen
            WHERE c.source_hash = i.source_hash AND c.last_seen > now() - @refresh_after
        ),
        by_uen AS (
            INSERT INTO companies AS c (uen, name, industry_norm, industry_code, website_domain, employees_est, size_band,
                                        incorporation_year, founded_year, sg_registered, entity_type, entity_status, hq_district,
                                        hq_city, hq_country, postal_code, enrichment_status, enrichment_reason, source_hash,
                                        secondary_ssic_code, officers)
            SELECT uen, name, industry_norm, industry_code, website_domain, employees_est, size_band, incorporation_year,
                   founded_year, sg_registered, entity_type, entity_status, hq_district, hq_city, hq_country, postal_code,
                   enrichment_status, enrichment_reason, source_hash, secondary_ssic_code, officers
            FROM input i WHERE uen IS NOT NULL AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.ord = i.ord)
            ORDER BY uen
            ON CONFLICT (uen) DO UPDATE SET
                name = excluded.name, industry_norm = excluded.industry_norm, industry_code = excluded.industry_code,
                website_domain = coalesce(excluded.website_domain, c.website_domain), employees_est = excluded.employees_est,
                size_band = excluded.size_band, incorporation_year = excluded.incorporation_year,
                founded_year = excluded.founded_year, sg_registered = excluded.sg_registered, entity_type = excluded.entity_type,
                entity_status = excluded.entity_status, hq_district = excluded.hq_district, hq_city = excluded.hq_city,
                hq_country = excluded.hq_country, postal_code = excluded.postal_code,
                enrichment_status = excluded.enrichment_status, enrichment_reason = excluded.enrichment_reason,
                source_hash = excluded.source_hash, secondary_ssic_code = excluded.secondary_ssic_code, officers = excluded.officers,
                updated_at = now(), last_seen = now()
            RETURNING company_id, uen
        ),
        by_name AS (
            INSERT INTO companies AS c (uen, name, industry_norm, industry_code, website_domain, employees_est, size_band,
                                        incorporation_year, founded_year, sg_registered, entity_type, entity_status, hq_district,
                                        hq_city, hq_country, postal_code, enrichment_status, enrichment_reason, source_hash,
                                        secondary_ssic_code, officers)
            SELECT NULL, name, industry_norm, industry_code, website_domain, employees_est, size_band, incorporation_year,
                   founded_year, sg_registered, entity_type, entity_status, hq_district, hq_city, hq_country, postal_code,
                   enrichment_status, enrichment_reason, source_hash, secondary_ssic_code, officers
            FROM input WHERE uen IS NULL
            ORDER BY lower(name)
            ON CONFLICT (lower(name)) WHERE uen IS NULL DO UPDATE SET
                industry_norm = excluded.industry_norm, industry_code = excluded.industry_code,
                website_domain = coalesce(excluded.website_domain, c.website_domain), employees_est = excluded.employees_est,
                size_band = excluded.size_band, incorporation_year = excluded.incorporation_year,
                founded_year = excluded.founded_year, sg_registered = excluded.sg_registered, entity_type = excluded.entity_type,
                entity_status = excluded.entity_status, hq_district = excluded.hq_district, hq_city = excluded.hq_city,
                hq_country = excluded.hq_country, postal_code = excluded.postal_code,
                enrichment_status = excluded.enrichment_status, enrichment_reason = excluded.enrichment_reason,
                source_hash = excluded.source_hash, secondary_ssic_code = excluded.secondary_ssic_code, officers = excluded.officers,
                updated_at = now(), last_seen = now()
            RETURNING company_id, lower(name) AS name_key
        ),
        written AS (
            SELECT i.ord, u.company_id, i.score, i.bucket, i.rationale, i.searched_industry_grade
            FROM input i JOIN by_uen u ON u.uen = i.uen
            UNION ALL
            SELECT i.ord, n.company_id, i.score, i.bucket, i.rationale, i.searched_industry_grade
            FROM input i JOIN by_name n ON n.name_key = lower(i.name) WHERE i.uen IS NULL
        ),
        ids AS (
            SELECT ord, company_id, score, bucket, rationale, searched_industry_grade FROM written
            UNION ALL
            SELECT ord, company_id, score, bucket, rationale, searched_industry_grade FROM fresh
        ),
        runs AS (
            INSERT INTO enrichment_runs (company_id, source, outcome, reason, duration_ms, started_at, tenant_id, job_id)
            SELECT ids.company_id, r.source, r.outcome, r.reason, r.duration_ms, r.started_at, @tenant_id, @job_id
            FROM unnest(@run_ord, @run_source, @run_outcome, @run_reason, @run_duration_ms, @run_started_at)
                 AS r(ord, source, outcome, reason, duration_ms, started_at)
            JOIN written ids ON ids.ord = r.ord
        ),
        scores AS (
            INSERT INTO lead_scores AS s (tenant_id, company_id, score, bucket, rationale, searched_industry_grade, scored_at)
            SELECT @tenant_id, company_id, score, bucket, rationale, searched_industry_grade, now()
            FROM ids
            ORDER BY company_id
            ON CONFLICT (tenant_id, company_id) DO UPDATE SET
                score = excluded.score, bucket = excluded.bucket, rationale = excluded.rationale,
                searched_industry_grade = excluded.searched_industry_grade, scored_at = excluded.scored_at
        )
        SELECT ord, company_id FROM ids
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<long>> SaveAsync(CompanyWrite write, CancellationToken cancellationToken = default)
    {
        var companies = write.Companies;
        if (companies.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(UpsertSql);
        AddParameters(command.Parameters, write, options.Value.RefreshAfter, runJobId: null);
        var ids = new long[companies.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return ids;
    }

    /// <summary>
    /// Returns the write as one batch command, for a caller that commits it together with its own statements (a
    /// job commits a batch's rows with its progress); the command's result set is (ordinal, company id) per company.
    /// </summary>
    /// <param name="write">The companies to write; at least one.</param>
    /// <param name="runJobId">The job the enrichment runs are attributed to (<c>enrichment_runs.job_id</c>), or null.</param>
    public NpgsqlBatchCommand CreateSaveCommand(CompanyWrite write, long? runJobId)
    {
        ArgumentOutOfRangeException.ThrowIfZero(write.Companies.Count);
        var command = new NpgsqlBatchCommand(UpsertSql);
        AddParameters(command.Parameters, write, options.Value.RefreshAfter, runJobId);
        return command;
    }

    private static void AddParameters(NpgsqlParameterCollection p, CompanyWrite write, TimeSpan refreshAfter, long? runJobId)
    {
        var rows = write.Companies;
        T[] Map<T>(Func<ScoredCompany, T> selector) => rows.Select(selector).ToArray();

        p.Add(new NpgsqlParameter<int[]>("ord", Enumerable.Range(0, rows.Count).ToArray()));
        p.Add(new NpgsqlParameter<string?[]>("uen", Map(r => r.Company.Uen)) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<string[]>("name", Map(r => r.Company.Name)));
        p.Add(Text("industry_norm", Map(r => r.Company.IndustryNorm)));
        p.Add(Text("industry_code", Map(r => r.Company.IndustryCode)));
        p.Add(Text("website_domain", Map(r => r.Company.WebsiteDomain)));
        p.Add(Int("employees_est", Map(r => r.Company.EmployeesEst)));
        p.Add(Text("size_band", Map(r => r.Company.SizeBand)));
        p.Add(Int("incorporation_year", Map(r => r.Company.IncorporationYear)));
        p.Add(Int("founded_year", Map(r => r.Company.FoundedYear)));
        p.Add(new NpgsqlParameter<bool?[]>("sg_registered", Map(r => r.Company.SgRegistered)) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Boolean });
        p.Add(Text("entity_type", Map(r => r.Company.EntityType)));
        p.Add(Text("entity_status", Map(r => r.Company.EntityStatus)));
        p.Add(Text("hq_district", Map(r => r.Company.HqDistrict)));
        p.Add(Text("hq_city", Map(r => r.Company.HqCity)));
        p.Add(Text("hq_country", Map(r => r.Company.HqCountry)));
        p.Add(Text("postal_code", Map(r => r.Company.PostalCode)));
        p.Add(new NpgsqlParameter<string[]>("enrichment_status", Map(r => r.Company.EnrichmentStatus)));
        p.Add(Text("enrichment_reason", Map(r => r.Company.EnrichmentReason)));
        p.Add(new NpgsqlParameter<string[]>("source_hash", Map(r => r.SourceHash)));
        p.Add(new NpgsqlParameter<short[]>("score", Map(r => (short)r.Score.Score)));
        p.Add(new NpgsqlParameter<string[]>("bucket", Map(r => r.Score.Bucket)));
        p.Add(new NpgsqlParameter<string[]>("rationale", Map(r => r.Score.Rationale)));
        p.Add(Text("secondary_ssic_code", Map(r => r.Company.SecondarySsicCode)));
        p.Add(Int("officers", Map(r => r.Company.Officers)));
        p.Add(new NpgsqlParameter<short[]>("searched_industry_grade", Map(r => (short)r.Score.SearchedIndustryGrade)));

        var runs = write.Runs;
        p.Add(new NpgsqlParameter<int[]>("run_ord", runs.Select(r => r.Ordinal).ToArray()));
        p.Add(new NpgsqlParameter<string[]>("run_source", runs.Select(r => r.Source).ToArray()));
        p.Add(new NpgsqlParameter<string[]>("run_outcome", runs.Select(r => r.Outcome).ToArray()));
        p.Add(Text("run_reason", runs.Select(r => r.Reason).ToArray()));
        p.Add(new NpgsqlParameter<float[]>("run_duration_ms", runs.Select(r => r.DurationMs).ToArray()));
        p.Add(new NpgsqlParameter<DateTimeOffset[]>("run_started_at", runs.Select(r => r.StartedAt).ToArray()));

        p.Add(new NpgsqlParameter<string>("tenant_id", write.TenantId));
        p.Add(new NpgsqlParameter<TimeSpan>("refresh_after", refreshAfter));
        p.Add(new NpgsqlParameter<long?>("job_id", runJobId) { NpgsqlDbType = NpgsqlDbType.Bigint });
    }

    private static NpgsqlParameter<string?[]> Text(string name, string?[] values)
        => new(name, values) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter<int?[]> Int(string name, int?[] values)
        => new(name, values) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer };
}
