-- Rows each tenant's jobs processed per nightly window, for JOBS_MAX_ROWS_PER_TENANT_PER_WINDOW: one row per tenant
-- and window, raised in each batch's own transaction and only while it stays within the cap, so every silo counts alike.
CREATE TABLE job_tenant_windows (
    tenant_id       text NOT NULL,
    window_ends_at  timestamptz NOT NULL,
    rows            bigint NOT NULL,
    PRIMARY KEY (tenant_id, window_ends_at)
);

CREATE INDEX ix_job_tenant_windows_ends ON job_tenant_windows (window_ends_at);
