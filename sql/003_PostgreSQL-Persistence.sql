-- Orleans ADO.NET grain-storage objects for PostgreSQL (OrleansStorage table, write function and the 4 storage query keys), per the 10.4.2 provider contract.

-- One row per (service, state name, grain key). GrainTypeString holds the STATE NAME ([PersistentState("name")]),
-- not the grain type. Integer/Guid keys live in GrainIdN0/N1; string keys and key extensions in GrainIdExtensionString.
-- Version is the grain-state ETag (1 on first write, +1 on every write/clear). PayloadBinary is NULL after a clear.
CREATE TABLE OrleansStorage
(
    GrainIdHash            integer        NOT NULL,
    GrainIdN0              bigint         NOT NULL,
    GrainIdN1              bigint         NOT NULL,
    GrainTypeHash          integer        NOT NULL,
    GrainTypeString        varchar(512)   NOT NULL,
    GrainIdExtensionString varchar(512)   NULL,
    ServiceId              varchar(150)   NOT NULL,
    PayloadBinary          bytea          NULL,
    ModifiedOn             timestamptz(3) NOT NULL DEFAULT now(),
    Version                integer        NULL
);

-- Lookup index (hash columns first, as in the official script) that is also UNIQUE over the full grain identity,
-- so two racing first writes cannot both insert (NULLS NOT DISTINCT treats a NULL extension string as one value).
CREATE UNIQUE INDEX IX_OrleansStorage
    ON OrleansStorage (GrainIdHash, GrainTypeHash, GrainIdN0, GrainIdN1, ServiceId, GrainTypeString, GrainIdExtensionString)
    NULLS NOT DISTINCT;

-- Conditional write. p_version NULL: insert version 1 unless a row exists. Otherwise: update only if the stored
-- Version equals p_version, then Version + 1. Returns the new version, or NULL on conflict (Orleans then raises
-- InconsistentStateException). Each branch is a single statement, so a failed write changes nothing.
CREATE FUNCTION orleans_write_to_storage(
    p_grain_id_hash    integer,
    p_grain_id_n0      bigint,
    p_grain_id_n1      bigint,
    p_grain_type_hash  integer,
    p_grain_type       text,
    p_grain_id_ext     text,
    p_service_id       text,
    p_version          integer,
    p_payload          bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    new_version integer;
BEGIN
    IF p_version IS NULL THEN
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
             ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES
            (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type, p_grain_id_ext,
             p_service_id, p_payload, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING Version INTO new_version;
    ELSE
        UPDATE OrleansStorage AS s
        SET PayloadBinary = p_payload,
            ModifiedOn = now(),
            Version = s.Version + 1
        WHERE s.GrainIdHash = p_grain_id_hash
          AND s.GrainTypeHash = p_grain_type_hash
          AND s.GrainIdN0 = p_grain_id_n0
          AND s.GrainIdN1 = p_grain_id_n1
          AND s.ServiceId = p_service_id
          AND s.GrainTypeString = p_grain_type
          AND s.GrainIdExtensionString IS NOT DISTINCT FROM p_grain_id_ext
          AND s.Version = p_version
        RETURNING s.Version INTO new_version;
    END IF;

    RETURN new_version;
END
$$;

-- Query texts. Orleans binds the same 7 key parameters for every call: @GrainIdHash, @GrainIdN0, @GrainIdN1,
-- @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId (plus @GrainStateVersion / @PayloadBinary).
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadFromStorageKey',
    'SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash
      AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0
      AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'WriteToStorageKey',
    'SELECT orleans_write_to_storage(
        @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
        @ServiceId, @GrainStateVersion, @PayloadBinary) AS NewGrainStateVersion;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ClearStorageKey',
    '-- Keeps the row (payload NULL) and bumps Version. No row returned = version conflict.
    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        ModifiedOn = now(),
        Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash
      AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0
      AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version AS NewGrainStateVersion;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'DeleteStorageKey',
    '-- Used only with DeleteStateOnClear = true. Returns deleted version + 1. No row returned = version conflict.
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash
      AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0
      AND GrainIdN1 = @GrainIdN1
      AND ServiceId = @ServiceId
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version + 1 AS NewGrainStateVersion;'
);
