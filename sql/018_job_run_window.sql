-- The end of the nightly window a job's current run belongs to: the run stops between batches once it has passed.
ALTER TABLE background_jobs ADD COLUMN run_ends_at timestamptz NULL;
