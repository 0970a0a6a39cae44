-- Latest ICP score of a company for a tenant: one row per (tenant, company), replaced on every rescore.
CREATE TABLE lead_scores (
    tenant_id   text NOT NULL,
    company_id  bigint NOT NULL REFERENCES companies (company_id) ON DELETE CASCADE,
    score       smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
    bucket      text NOT NULL CHECK (bucket IN ('high', 'medium', 'low')),
    rationale   text NOT NULL,
    scored_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, company_id)
);
