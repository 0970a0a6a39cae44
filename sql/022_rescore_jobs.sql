-- Re-scoring jobs (job_type 'rescore') walk a tenant's lead_scores by company_id, not staging rows by UEN: their
-- keyset cursor, and whether the walk is done and the job is catching up on scores others wrote meanwhile. At most
-- one is open per tenant: they all share params_key 'rescore' under ux_background_jobs_open_work.
ALTER TABLE background_jobs
    ADD COLUMN cursor_company_id bigint NULL,
    ADD COLUMN rescore_catch_up boolean NOT NULL DEFAULT false;
