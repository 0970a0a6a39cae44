-- A generation number bumped by every statement that changes the staging registry, and match counts cached per generation.
CREATE TABLE registry_generation (
    id          smallint PRIMARY KEY CHECK (id = 1),
    generation  bigint NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO registry_generation (id, generation) VALUES (1, 1);

CREATE FUNCTION bump_registry_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TRUNCATE has no transition table; any other statement counts only if it changed a row, so a re-import of an
    -- unchanged file keeps every cached count.
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE registry_generation SET generation = generation + 1, changed_at = now() WHERE id = 1;
    ELSIF EXISTS (SELECT 1 FROM changed_rows) THEN
        UPDATE registry_generation SET generation = generation + 1, changed_at = now() WHERE id = 1;
    END IF;
    RETURN NULL;
END
$$;

-- Statement-level: an import of a million rows bumps it once, and no writer of the registry can forget to. One
-- trigger per event, because a trigger with a transition table may have only one.
CREATE TRIGGER staging_insert_bumps_generation
    AFTER INSERT ON staging_acra_companies REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_generation();

CREATE TRIGGER staging_update_bumps_generation
    AFTER UPDATE ON staging_acra_companies REFERENCING NEW TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_generation();

CREATE TRIGGER staging_delete_bumps_generation
    AFTER DELETE ON staging_acra_companies REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_generation();

CREATE TRIGGER staging_truncate_bumps_generation
    AFTER TRUNCATE ON staging_acra_companies
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_generation();

-- Counting the matches of a broad industry reads every matching row; the registry only changes through imports,
-- so a count stays exact for as long as its generation is current.
CREATE TABLE staging_match_counts (
    spec_key    text NOT NULL,
    generation  bigint NOT NULL,
    total       bigint NOT NULL,
    counted_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (spec_key, generation)
);
