-- The registry's distinct activities (SSIC code + description as written in the files): the small, trigram-indexed table the description fallback searches.
-- A trigram index on the million-row staging table cost most of an import's time; its descriptions repeat per code.
CREATE TABLE staging_activity (
    code         text COLLATE "C" NOT NULL,
    description  text NOT NULL,
    PRIMARY KEY (code, description)
);

-- fastupdate off: rows go straight into the index instead of a pending list the planner (rightly) shies away from.
CREATE INDEX ix_staging_activity_description_trgm ON staging_activity USING gin (lower(description) gin_trgm_ops) WITH (fastupdate = off);

INSERT INTO staging_activity (code, description)
SELECT primary_ssic_code, primary_ssic_description FROM staging_acra_companies
WHERE primary_ssic_code IS NOT NULL AND primary_ssic_description IS NOT NULL
UNION
SELECT secondary_ssic_code, secondary_ssic_description FROM staging_acra_companies
WHERE secondary_ssic_code IS NOT NULL AND secondary_ssic_description IS NOT NULL;

CREATE FUNCTION record_staging_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO staging_activity (code, description)
    SELECT primary_ssic_code, primary_ssic_description FROM changed_rows
    WHERE primary_ssic_code IS NOT NULL AND primary_ssic_description IS NOT NULL
    UNION
    SELECT secondary_ssic_code, secondary_ssic_description FROM changed_rows
    WHERE secondary_ssic_code IS NOT NULL AND secondary_ssic_description IS NOT NULL
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

-- Statement-level with a transition table: one set-based insert per import statement, whoever writes the registry.
-- Activities that disappear from the registry stay listed; they only ever lead to codes that match no row.
CREATE TRIGGER staging_insert_records_activity
    AFTER INSERT ON staging_acra_companies REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_staging_activity();

CREATE TRIGGER staging_update_records_activity
    AFTER UPDATE ON staging_acra_companies REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION record_staging_activity();
