-- no-transaction: lookup indexes, built CONCURRENTLY so applying them to a live registry never blocks writers.
-- A CONCURRENTLY build that fails (or is interrupted) leaves an invalid index behind, and "IF NOT EXISTS" would then
-- skip it forever: drop any invalid one of ours first, so re-running this script after a failure heals.
DO $$
DECLARE
    broken text;
BEGIN
    FOR broken IN
        SELECT c.relname
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        WHERE NOT i.indisvalid
          AND c.relnamespace = current_schema()::regnamespace
          AND c.relname IN ('idx_companies_industry_norm_lower', 'idx_companies_name_lower', 'idx_companies_website_domain',
                            'idx_lead_scores_score_id', 'idx_staging_primary_ssic', 'idx_staging_secondary_ssic',
                            'idx_staging_match_order')
    LOOP
        EXECUTE format('DROP INDEX %I', broken);
    END LOOP;
END
$$;
;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_companies_industry_norm_lower ON companies (lower(industry_norm));
;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_companies_name_lower ON companies (lower(name) text_pattern_ops);
;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_companies_website_domain ON companies (website_domain);
;
-- Tenant-leading because every score page is one tenant's; (score, company_id) descending is the keyset order.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_lead_scores_score_id ON lead_scores (tenant_id, score DESC, company_id DESC);
;
-- Staging lookups by SSIC code in match order (live first, then UEN); INCLUDE lets the count be an index-only scan.
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_staging_primary_ssic ON staging_acra_companies (primary_ssic_code, live_rank, uen);
;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_staging_secondary_ssic ON staging_acra_companies (secondary_ssic_code, live_rank, uen) INCLUDE (primary_ssic_code) WHERE secondary_ssic_code IS NOT NULL;
;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_staging_match_order ON staging_acra_companies (live_rank, uen);
