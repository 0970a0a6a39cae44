-- Background jobs: the SQL-visible mirror of each StagingUpsertJob grain's state, plus one row per processed batch.
CREATE TABLE background_jobs (
    job_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id    text NOT NULL,
    job_type     text NOT NULL,
    status       text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'error', 'cancelled')),
    params       jsonb NOT NULL,
    -- Hash of the normalised work (terms, codes, rows the search already handled) so identical requests share one open job.
    params_key   text NOT NULL,
    processed    bigint NOT NULL DEFAULT 0,
    total        bigint NOT NULL DEFAULT 0,
    batches      integer NOT NULL DEFAULT 0,
    -- UEN of the last committed row: jobs walk their rows in UEN order.
    cursor_uen   text COLLATE "C" NULL,
    error        text NULL,
    error_code   text NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz NULL,
    ended_at     timestamptz NULL,
    next_run_at  timestamptz NULL,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX ux_background_jobs_open_work ON background_jobs (tenant_id, job_type, params_key)
    WHERE status IN ('queued', 'running');
CREATE INDEX ix_background_jobs_tenant ON background_jobs (tenant_id, job_id DESC);
CREATE INDEX ix_background_jobs_status ON background_jobs (status) WHERE status IN ('queued', 'running');

CREATE TABLE job_batches (
    job_id       bigint NOT NULL REFERENCES background_jobs (job_id) ON DELETE CASCADE,
    batch_no     integer NOT NULL,
    tenant_id    text NOT NULL,
    rows         integer NOT NULL,
    duration_ms  real NOT NULL,
    -- clock_timestamp(): a batch's commit time, not its transaction's start, so rows/min windows stay exact.
    finished_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (job_id, batch_no)
);

CREATE INDEX ix_job_batches_finished ON job_batches (finished_at);
