-- Orleans ADO.NET reminder objects for PostgreSQL (OrleansRemindersTable, its delete function and the 7 reminder query keys), per the 10.4.2 provider contract.

-- One row per (service, grain, reminder name). GrainId is GrainId.ToString() (e.g. "counter/c1"), StartTime is UTC,
-- Period is in milliseconds, GrainHash is the grain's uniform hash as a signed int (used for ring-range reads),
-- Version is the reminder ETag (0 on insert, +1 on every upsert).
CREATE TABLE OrleansRemindersTable
(
    ServiceId    varchar(150)   NOT NULL,
    GrainId      varchar(150)   NOT NULL,
    ReminderName varchar(150)   NOT NULL,
    StartTime    timestamptz(3) NOT NULL,
    Period       bigint         NOT NULL,
    GrainHash    integer        NOT NULL,
    Version      integer        NOT NULL,

    CONSTRAINT PK_OrleansRemindersTable PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Serves ReadRangeRows1Key / ReadRangeRows2Key (each silo reads the reminders of its hash-ring range).
CREATE INDEX IX_OrleansRemindersTable_GrainHash
    ON OrleansRemindersTable (ServiceId, GrainHash);

-- Deletes a reminder only if its Version matches. Returns 1 if deleted, 0 otherwise (single statement, nothing partial).
CREATE FUNCTION orleans_delete_reminder_row(
    p_service_id    text,
    p_grain_id      text,
    p_reminder_name text,
    p_version       integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    affected integer;
BEGIN
    DELETE FROM OrleansRemindersTable AS r
    WHERE r.ServiceId = p_service_id
      AND r.GrainId = p_grain_id
      AND r.ReminderName = p_reminder_name
      AND r.Version = p_version;

    GET DIAGNOSTICS affected = ROW_COUNT;
    RETURN affected;
END
$$;

-- Query texts. Result columns GrainId, ReminderName, StartTime, Period, Version are read by name.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadReminderRowsKey',
    'SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainId = @GrainId;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadReminderRowKey',
    'SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainId = @GrainId
      AND ReminderName = @ReminderName;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadRangeRows1Key',
    '-- Non-wrapping ring range (BeginHash < EndHash as signed ints): (BeginHash, EndHash].
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainHash > @BeginHash
      AND GrainHash <= @EndHash;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadRangeRows2Key',
    '-- Wrapping ring range: everything above BeginHash plus everything up to EndHash.
    SELECT GrainId, ReminderName, StartTime, Period, Version
    FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'UpsertReminderRowKey',
    '-- Single atomic statement: insert with Version 0, or update in place and bump Version. Returns the new Version.
    -- @Period arrives as int, or bigint when above int.MaxValue ms.
    INSERT INTO OrleansRemindersTable AS r
        (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
        SET StartTime = excluded.StartTime,
            Period = excluded.Period,
            GrainHash = excluded.GrainHash,
            Version = r.Version + 1
    RETURNING r.Version AS Version;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'DeleteReminderRowKey',
    'SELECT orleans_delete_reminder_row(@ServiceId, @GrainId, @ReminderName, @Version) AS Deleted;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'DeleteReminderRowsKey',
    'DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId;'
);
