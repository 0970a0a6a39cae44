-- Orleans ADO.NET query catalogue for PostgreSQL: every Orleans 10.4.2 ADO.NET provider loads its SQL text from this table at startup.

-- One row per Orleans query key. The clustering, persistence and reminder scripts (002-004) insert their rows here.
-- Orleans only ever runs "SELECT QueryKey, QueryText FROM OrleansQuery [WHERE QueryKey ...]" against it.
CREATE TABLE OrleansQuery
(
    QueryKey  varchar(64)   NOT NULL,
    QueryText varchar(8000) NOT NULL,

    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
);
