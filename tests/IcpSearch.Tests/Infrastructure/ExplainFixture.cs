namespace IcpSearch.Tests.Infrastructure;

/// <summary>
/// 60,000 registry rows, each promoted to <c>companies</c> (some with a website domain) and scored for one tenant,
/// then ANALYZEd, so query plans look like production ones.
/// </summary>
public sealed class ExplainFixture : DatabaseFixture
{
    public const string Tenant = "explain";

    protected override int RegistryRows => 60_000;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // Bulk test data set-based; the pipeline itself is exercised elsewhere.
        await using var command = DataSource.CreateCommand("""
            INSERT INTO companies (uen, name, industry_norm, industry_code, website_domain, enrichment_status)
            SELECT s.uen, s.entity_name, sec.title, s.primary_ssic_code,
                   CASE WHEN hashtext(s.uen) % 3 = 0 THEN lower(regexp_replace(s.entity_name, '[^A-Za-z0-9]', '', 'g')) || '.com.sg' END,
                   'ok'
            FROM staging_acra_companies s
            JOIN ssic_ref code ON code.code = s.primary_ssic_code AND code.level = 5
            JOIN ssic_ref sec ON sec.version = code.version AND sec.code = code.section;
            INSERT INTO lead_scores (tenant_id, company_id, score, bucket, rationale)
            SELECT @tenant, company_id, (abs(hashtext(uen)) % 101)::smallint, 'medium', 'seeded' FROM companies;
            ANALYZE companies;
            ANALYZE lead_scores;
            """);
        command.Parameters.AddWithValue("tenant", Tenant);
        await command.ExecuteNonQueryAsync();
    }
}
