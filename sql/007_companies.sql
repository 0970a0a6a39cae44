-- Companies promoted from staging (or any other source): one row per UEN, enriched firmographics, shared by all tenants.
CREATE TABLE companies (
    company_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    uen                 text COLLATE "C" NULL UNIQUE,
    name                text NOT NULL,
    industry_norm       text NULL,
    industry_code       text COLLATE "C" NULL,
    website_domain      text NULL,
    employees_est       integer NULL,
    size_band           text NULL,
    incorporation_year  integer NULL,
    founded_year        integer NULL,
    sg_registered       boolean NULL,
    entity_type         text NULL,
    entity_status       text NULL,
    hq_district         text NULL,
    hq_city             text NULL,
    hq_country          text NULL,
    postal_code         text NULL,
    enrichment_status   text NOT NULL DEFAULT 'pending' CHECK (enrichment_status IN ('pending', 'ok', 'degraded')),
    enrichment_reason   text NULL,
    -- Hash of the enriched values: a company re-seen with the same values shortly after its last write is not rewritten.
    source_hash         text NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    last_seen           timestamptz NOT NULL DEFAULT now()
);

-- A company without a UEN is identified by its lower-cased name; the upsert falls back to this key.
CREATE UNIQUE INDEX ux_companies_name_without_uen ON companies (lower(name)) WHERE uen IS NULL;
