-- Re-scoring jobs (job_type 'rescore') walk a tenant's lead_scores by company_id, not staging rows by UEN: their
-- keyset cursor. At most one is open per tenant: they all share params_key 'rescore' under ux_background_jobs_open_work.
ALTER TABLE background_jobs ADD COLUMN cursor_company_id bigint NULL;
