-- One row per enrichment provider run on a company: which source, how long, what came of it.
CREATE TABLE enrichment_runs (
    run_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id   bigint NOT NULL REFERENCES companies (company_id) ON DELETE CASCADE,
    source       text NOT NULL,
    outcome      text NOT NULL CHECK (outcome IN ('ok', 'failed', 'timeout')),
    reason       text NULL,
    duration_ms  real NOT NULL,
    started_at   timestamptz NOT NULL,
    tenant_id    text NULL,
    job_id       bigint NULL
);

CREATE INDEX ix_enrichment_runs_company ON enrichment_runs (company_id, started_at DESC);
