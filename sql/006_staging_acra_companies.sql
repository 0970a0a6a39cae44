-- Staging copy of ACRA's open-data entity files (same column names as the published CSVs), the registry every search reads.
-- Identifiers (UEN, SSIC codes) use the C collation: byte comparisons keep their indexes fast to build and to walk.
CREATE TABLE staging_acra_companies (
    uen                                 text COLLATE "C" PRIMARY KEY,
    issuance_agency_id                  text NULL,
    entity_name                         text NOT NULL,
    entity_type_description             text NULL,
    business_constitution_description   text NULL,
    company_type_description            text NULL,
    paf_constitution_description        text NULL,
    entity_status_description           text NULL,
    registration_incorporation_date     date NULL,
    uen_issue_date                      date NULL,
    address_type                        text NULL,
    block                               text NULL,
    street_name                         text NULL,
    level_no                            text NULL,
    unit_no                             text NULL,
    building_name                       text NULL,
    postal_code                         text NULL,
    other_address_line1                 text NULL,
    other_address_line2                 text NULL,
    account_due_date                    date NULL,
    annual_return_date                  date NULL,
    primary_ssic_code                   text COLLATE "C" NULL,
    primary_ssic_description            text NULL,
    primary_user_described_activity     text NULL,
    secondary_ssic_code                 text COLLATE "C" NULL,
    secondary_ssic_description          text NULL,
    secondary_user_described_activity   text NULL,
    no_of_officers                      integer NULL,
    source_file                         text NULL,
    imported_at                         timestamptz NOT NULL DEFAULT now(),
    -- 0 for live entities, 1 otherwise: the first key of the match order, so "live first" is an index range, not a sort.
    live_rank                           smallint GENERATED ALWAYS AS (
                                            CASE WHEN lower(coalesce(entity_status_description, ''))
                                                      IN ('live', 'live company', 'registered', 'existing')
                                                 THEN 0 ELSE 1 END) STORED
);
