using IcpSearch.GrainInterfaces.Common;
using IcpSearch.GrainInterfaces.Leads;

namespace IcpSearch.Grains.Leads;

/// <summary>
/// <see cref="ILeadStore"/> over <c>lead_scores</c> and <c>companies</c>: keyset pages on
/// <c>idx_lead_scores_score_id</c>, never OFFSET.
/// </summary>
public sealed class NpgsqlLeadStore(NpgsqlDataSource dataSource) : ILeadStore
{
    internal const string Select = """
        SELECT c.company_id, c.uen, c.name, c.industry_norm, c.industry_code, s.score, s.bucket, s.rationale, s.scored_at,
               c.incorporation_year, c.size_band, c.hq_district, c.entity_status, c.enrichment_status, c.website_domain
        FROM lead_scores s
        JOIN companies c ON c.company_id = s.company_id
        """;

    // The row comparison walks idx_lead_scores_score_id from the cursor; (101, 0) sorts before every real row.
    internal const string ScoresPageSql = $"""
        {Select}
        WHERE s.tenant_id = @tenant_id AND (s.score, s.company_id) < (@after_score, @after_id)
        ORDER BY s.score DESC, s.company_id DESC
        LIMIT @limit
        """;

    internal const string CandidatesPageSql = $"""
        {Select}
        WHERE s.tenant_id = @tenant_id AND (s.score, s.company_id) < (@after_score, @after_id)
          AND lower(c.industry_norm) = lower(@industry)
        ORDER BY s.score DESC, s.company_id DESC
        LIMIT @limit
        """;

    // Only companies this tenant has scored: companies is shared, and which companies it holds reveals what other
    // tenants searched for.
    private const string LookupSelect = """
        SELECT c.company_id, c.uen, c.name, c.industry_norm, c.website_domain, s.score, s.bucket
        FROM companies c
        JOIN lead_scores s ON s.company_id = c.company_id AND s.tenant_id = @tenant_id
        """;

    internal const string LookupByNameSql = $"{LookupSelect} WHERE lower(c.name) = lower(@name) ORDER BY c.company_id LIMIT 20";

    internal const string LookupByDomainSql = $"{LookupSelect} WHERE c.website_domain = lower(@domain) ORDER BY c.company_id LIMIT 20";

    /// <inheritdoc />
    public async Task<Page<LeadRow>> GetPageAsync(LeadPageRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Limit, PageLimits.Max);

        await using var command = dataSource.CreateCommand(request.Industry is null ? ScoresPageSql : CandidatesPageSql);
        command.Parameters.AddWithValue("tenant_id", request.TenantId);
        command.Parameters.AddWithValue("after_score", (short)(request.After?.Score ?? 101));
        command.Parameters.AddWithValue("after_id", request.After?.CompanyId ?? 0L);
        command.Parameters.AddWithValue("limit", request.Limit + 1);
        if (request.Industry is not null)
        {
            command.Parameters.AddWithValue("industry", request.Industry);
        }

        var rows = new List<LeadRow>(request.Limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new LeadRow(
                CompanyId: reader.GetInt64(0),
                Uen: reader.IsDBNull(1) ? null : reader.GetString(1),
                Name: reader.GetString(2),
                Industry: reader.IsDBNull(3) ? null : reader.GetString(3),
                IndustryCode: reader.IsDBNull(4) ? null : reader.GetString(4),
                Score: reader.GetInt16(5),
                Bucket: reader.GetString(6),
                Rationale: reader.GetString(7),
                ScoredAt: reader.GetFieldValue<DateTimeOffset>(8),
                IncorporationYear: reader.IsDBNull(9) ? null : reader.GetInt32(9),
                SizeBand: reader.IsDBNull(10) ? null : reader.GetString(10),
                HqDistrict: reader.IsDBNull(11) ? null : reader.GetString(11),
                EntityStatus: reader.IsDBNull(12) ? null : reader.GetString(12),
                EnrichmentStatus: reader.GetString(13),
                WebsiteDomain: reader.IsDBNull(14) ? null : reader.GetString(14)));
        }

        // One extra row tells whether another page exists without a count.
        var hasMore = rows.Count > request.Limit;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new Page<LeadRow>(rows, hasMore ? new KeysetCursor(rows[^1].Score, rows[^1].CompanyId).ToString() : null);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CompanyMatch>> LookupAsync(CompanyLookupRequest request, CancellationToken cancellationToken = default)
    {
        // LeadQueryGrain has checked that exactly one of the two is given, trimmed.
        var byName = request.Name is not null;
        await using var command = dataSource.CreateCommand(byName ? LookupByNameSql : LookupByDomainSql);
        command.Parameters.AddWithValue("tenant_id", request.TenantId);
        command.Parameters.AddWithValue(byName ? "name" : "domain", (byName ? request.Name : request.Domain)!);

        var matches = new List<CompanyMatch>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            matches.Add(new CompanyMatch(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetInt16(5),
                reader.GetString(6)));
        }

        return matches;
    }
}
