-- no-transaction: the head order of searches bounded by an incorporation date from below ("incorporated after 2015"),
-- newest first. In match order (live_rank, uen) such rows come last, because local companies' UENs begin with their
-- incorporation year: walking that order to find ten of them read most of a 1M-row registry (p95 1.6 s).
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
               WHERE NOT i.indisvalid AND c.relnamespace = current_schema()::regnamespace
                 AND c.relname = 'idx_staging_recent_order') THEN
        DROP INDEX idx_staging_recent_order;
    END IF;
END
$$;
;
CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_staging_recent_order
    ON staging_acra_companies (live_rank, registration_incorporation_date DESC, uen DESC);
