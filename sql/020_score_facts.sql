-- The facts an ICP re-score reads back from a company (see IcpScoreModel), which companies did not keep until now:
-- the secondary activity and the number of officers. Filled from the registry for the companies already promoted.
ALTER TABLE companies
    ADD COLUMN secondary_ssic_code text COLLATE "C" NULL,
    ADD COLUMN officers integer NULL;

UPDATE companies c
SET secondary_ssic_code = s.secondary_ssic_code, officers = s.no_of_officers
FROM staging_acra_companies s
WHERE s.uen = c.uen;

-- The industry grade against the codes the company was found by. A profile without target industries grades industry against the codes
-- searched for, which a re-score no longer has; it keeps this verdict instead. Null (scored before 020): full grade,
-- since the company was found by searching its industry.
ALTER TABLE lead_scores ADD COLUMN searched_industry_grade smallint NULL CHECK (searched_industry_grade BETWEEN 0 AND 1000);
