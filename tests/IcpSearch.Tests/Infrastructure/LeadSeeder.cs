namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// Writes companies and lead scores straight into the database, set-based, for tests that need many scored rows.
/// </summary>
public static class LeadSeeder
{
    // Scores come from a hash of the UEN so they spread over 0-100 with many ties, which exercises the company_id tie-break.
    private const string SeedSql = """
        WITH c AS (
            INSERT INTO companies (uen, name, industry_norm, industry_code, enrichment_status, website_domain)
            SELECT @prefix || lpad(g::text, 7, '0'), @name_prefix || ' ' || g, @industry, '10101', 'ok', @prefix || g || '.example.sg'
            FROM generate_series(1, @count) g
            RETURNING company_id, uen),
        s AS (SELECT company_id, (hashtext(uen) & 2147483647) % 101 AS score FROM c)
        INSERT INTO lead_scores (tenant_id, company_id, score, bucket, rationale)
        SELECT @tenant, company_id, score, CASE WHEN score >= 70 THEN 'high' WHEN score >= 40 THEN 'medium' ELSE 'low' END, 'seeded'
        FROM s
        RETURNING company_id
        """;

    /// <summary>Creates <paramref name="count"/> companies in <paramref name="industry"/> scored for <paramref name="tenantId"/>; returns their ids.</summary>
    public static async Task<IReadOnlyList<long>> SeedAsync(NpgsqlDataSource dataSource, string tenantId, int count, string industry = "Manufacturing", string? namePrefix = null)
    {
        await using var command = dataSource.CreateCommand(SeedSql);
        command.Parameters.AddWithValue("prefix", "S" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant());
        command.Parameters.AddWithValue("name_prefix", namePrefix ?? "Seeded " + tenantId);
        command.Parameters.AddWithValue("industry", industry);
        command.Parameters.AddWithValue("count", count);
        command.Parameters.AddWithValue("tenant", tenantId);
        var ids = new List<long>(count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    /// <summary>Creates one company with exactly this name and scores it for the tenant; returns its id.</summary>
    public static async Task<long> SeedOneAsync(NpgsqlDataSource dataSource, string tenantId, string name, int score, string industry = "Manufacturing")
    {
        await using var command = dataSource.CreateCommand("""
            WITH c AS (
                INSERT INTO companies (uen, name, industry_norm, industry_code, enrichment_status)
                VALUES (@uen, @name, @industry, '10101', 'ok') RETURNING company_id)
            INSERT INTO lead_scores (tenant_id, company_id, score, bucket, rationale)
            SELECT @tenant, company_id, @score, 'medium', 'seeded' FROM c
            RETURNING company_id
            """);
        command.Parameters.AddWithValue("uen", "N" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant());
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("industry", industry);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("score", (short)score);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Scores existing companies for another tenant too (companies are shared; scores are per tenant).</summary>
    public static async Task ScoreAsync(NpgsqlDataSource dataSource, string tenantId, IEnumerable<long> companyIds, int score)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO lead_scores (tenant_id, company_id, score, bucket, rationale)
            SELECT @tenant, id, @score, 'medium', 'seeded' FROM unnest(@ids) id
            ON CONFLICT (tenant_id, company_id) DO UPDATE SET score = excluded.score, scored_at = now()
            """);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("ids", companyIds.ToArray());
        command.Parameters.AddWithValue("score", (short)score);
        await command.ExecuteNonQueryAsync();
    }
}
