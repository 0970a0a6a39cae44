-- Orleans ADO.NET clustering objects for PostgreSQL (membership tables, conditional-write functions and all query keys), per the 10.4.2 provider contract.

-- One row per cluster (Orleans binds ClusterOptions.ClusterId as @DeploymentId). Version is the optimistic-concurrency
-- ETag of the whole membership table: every membership insert/update must present the current value and bumps it.
CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId varchar(150)   NOT NULL,
    Timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    Version      integer        NOT NULL DEFAULT 0,

    CONSTRAINT PK_OrleansMembershipVersionTable PRIMARY KEY (DeploymentId)
);

-- One row per silo incarnation (address, port, generation). Status: 0 None, 1 Created, 2 Joining, 3 Active,
-- 4 ShuttingDown, 5 Stopping, 6 Dead. SuspectTimes holds "<silo>,<date>" votes joined by '|'. Times are UTC.
CREATE TABLE OrleansMembershipTable
(
    DeploymentId varchar(150)   NOT NULL,
    Address      varchar(45)    NOT NULL,
    Port         integer        NOT NULL,
    Generation   integer        NOT NULL,
    SiloName     varchar(150)   NOT NULL,
    HostName     varchar(150)   NOT NULL,
    Status       integer        NOT NULL,
    ProxyPort    integer        NOT NULL DEFAULT 0,
    SuspectTimes varchar(8000)  NULL,
    StartTime    timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,

    CONSTRAINT PK_OrleansMembershipTable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Adds a silo row and bumps the table version in one step. Returns 1 on success, 0 when the version did not
-- match or the silo row already exists; in the 0 case the inner block is rolled back, so nothing partial remains.
CREATE FUNCTION orleans_insert_membership(
    p_deployment_id  text,
    p_address        text,
    p_port           integer,
    p_generation     integer,
    p_silo_name      text,
    p_host_name      text,
    p_status         integer,
    p_proxy_port     integer,
    p_start_time     timestamptz,
    p_i_am_alive     timestamptz,
    p_version        integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    affected integer;
BEGIN
    BEGIN
        UPDATE OrleansMembershipVersionTable AS v
        SET Version = v.Version + 1,
            Timestamp = now()
        WHERE v.DeploymentId = p_deployment_id
          AND v.Version = p_version;

        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RETURN 0;
        END IF;

        INSERT INTO OrleansMembershipTable
            (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
        VALUES
            (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
             COALESCE(p_proxy_port, 0), p_start_time, p_i_am_alive)
        ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;

        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            -- Undo the version bump above (the block's implicit savepoint is rolled back).
            RAISE EXCEPTION 'membership row already exists' USING ERRCODE = 'OR409';
        END IF;

        RETURN 1;
    EXCEPTION
        WHEN SQLSTATE 'OR409' THEN
            RETURN 0;
    END;
END
$$;

-- Updates a silo's status, suspicions and heartbeat and bumps the table version in one step. Returns 1 on
-- success, 0 when the version did not match or the silo row is missing (the version bump is then rolled back).
-- The heartbeat never moves backwards (GREATEST).
CREATE FUNCTION orleans_update_membership(
    p_deployment_id  text,
    p_address        text,
    p_port           integer,
    p_generation     integer,
    p_status         integer,
    p_suspect_times  text,
    p_i_am_alive     timestamptz,
    p_version        integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    affected integer;
BEGIN
    BEGIN
        UPDATE OrleansMembershipVersionTable AS v
        SET Version = v.Version + 1,
            Timestamp = now()
        WHERE v.DeploymentId = p_deployment_id
          AND v.Version = p_version;

        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RETURN 0;
        END IF;

        UPDATE OrleansMembershipTable AS m
        SET Status = p_status,
            SuspectTimes = p_suspect_times,
            IAmAliveTime = GREATEST(m.IAmAliveTime, p_i_am_alive)
        WHERE m.DeploymentId = p_deployment_id
          AND m.Address = p_address
          AND m.Port = p_port
          AND m.Generation = p_generation;

        GET DIAGNOSTICS affected = ROW_COUNT;
        IF affected = 0 THEN
            RAISE EXCEPTION 'membership row not found' USING ERRCODE = 'OR404';
        END IF;

        RETURN 1;
    EXCEPTION
        WHEN SQLSTATE 'OR404' THEN
            RETURN 0;
    END;
END
$$;

-- Query texts. Parameter names and result column names are the Orleans contract; do not rename them.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'InsertMembershipVersionKey',
    '-- Creates the version row for the cluster if missing; returns 1 if inserted, 0 if it already existed.
    WITH inserted AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId)
        VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer AS Inserted FROM inserted;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'MembershipReadAllKey',
    '-- The version row is always returned: with no silos there is one row whose member columns are NULL.
    SELECT
        m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable AS v
    LEFT JOIN OrleansMembershipTable AS m
        ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'MembershipReadRowKey',
    '-- Same shape as MembershipReadAllKey, restricted to one silo incarnation.
    SELECT
        m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable AS v
    LEFT JOIN OrleansMembershipTable AS m
        ON m.DeploymentId = v.DeploymentId
       AND m.Address = @Address
       AND m.Port = @Port
       AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'InsertMembershipKey',
    'SELECT orleans_insert_membership(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS Success;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'UpdateMembershipKey',
    'SELECT orleans_update_membership(
        @DeploymentId, @Address, @Port, @Generation,
        @Status, @SuspectTimes, @IAmAliveTime, @Version) AS Success;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'UpdateIAmAlivetimeKey',
    '-- Heartbeat. Unconditional (no version check) and monotonic.
    UPDATE OrleansMembershipTable
    SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
    WHERE DeploymentId = @DeploymentId
      AND Address = @Address
      AND Port = @Port
      AND Generation = @Generation;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'GatewaysQueryKey',
    '-- Gateway list for clients: silos with the requested status (Active = 3) that expose a proxy port.
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Status = @Status
      AND ProxyPort > 0;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'DeleteMembershipTableEntriesKey',
    'DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'CleanupDefunctSiloEntriesKey',
    '-- Bulk fallback (required key; 10.4.2 prefers CleanupDefunctSiloEntryKey below). @IAmAliveTime is the cutoff.
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Status = 6
      AND StartTime < @IAmAliveTime
      AND IAmAliveTime < @IAmAliveTime;'
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'CleanupDefunctSiloEntryKey',
    '-- Deletes one Dead row that Orleans selected, only if it still holds the values Orleans read.
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Address = @Address
      AND Port = @Port
      AND Generation = @Generation
      AND Status = 6
      AND StartTime = @StartTime
      AND IAmAliveTime = @IAmAliveTime
      AND COALESCE(SuspectTimes, '''') = COALESCE(@SuspectTimes, '''');'
);
