-- SSIC reference at every level (section, division, group, class, 5-digit code) so a term that names a section or division can mean every code under it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE ssic_versions (
    version      text PRIMARY KEY,
    source       text NOT NULL,
    imported_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ssic_ref (
    version      text NOT NULL REFERENCES ssic_versions (version) ON DELETE CASCADE,
    code         text COLLATE "C" NOT NULL,
    -- 1 section (A-U), 2 division (2 digits), 3 group, 4 class, 5 SSIC code.
    level        smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
    section      char(1) NOT NULL,
    parent_code  text NULL,
    title        text NOT NULL,
    description  text NULL,
    -- Slashes become spaces first: the parser would read "software/applications" as one file-path token.
    search_tsv   tsvector GENERATED ALWAYS AS (
                     setweight(to_tsvector('english', translate(title, '/', ' ')), 'A') ||
                     setweight(to_tsvector('english', translate(coalesce(description, ''), '/', ' ')), 'B')) STORED,
    PRIMARY KEY (version, code)
);

CREATE INDEX ix_ssic_ref_search_tsv ON ssic_ref USING gin (search_tsv);
CREATE INDEX ix_ssic_ref_title_trgm ON ssic_ref USING gin (lower(title) gin_trgm_ops);
CREATE INDEX ix_ssic_ref_section ON ssic_ref (version, section, level);
