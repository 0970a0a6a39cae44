-- LangGraph-style threads (agent-chat-ui): each row is the durable state of one ThreadGrain, each checkpoint an
-- immutable snapshot of its values; plus the hashed per-tenant API keys that agent-chat-ui sends as x-api-key.
-- A thread's current values are its head checkpoint's values (no copy on the thread row), so there is one truth.

CREATE TABLE IF NOT EXISTS threads (
    thread_id          uuid        PRIMARY KEY,
    tenant_id          text        NOT NULL,
    metadata           jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    status             text        NOT NULL DEFAULT 'idle' CHECK (status IN ('idle', 'busy', 'interrupted', 'error')),
    head_checkpoint_id uuid,
    version            integer     NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);

-- Thread search: a tenant's threads newest first, filtered by metadata containment (@>).
CREATE INDEX IF NOT EXISTS ix_threads_tenant_created ON threads (tenant_id, created_at DESC, thread_id DESC);
CREATE INDEX IF NOT EXISTS ix_threads_metadata ON threads USING gin (metadata jsonb_path_ops);

CREATE TABLE IF NOT EXISTS thread_checkpoints (
    checkpoint_id uuid        PRIMARY KEY,
    thread_id     uuid        NOT NULL REFERENCES threads (thread_id) ON DELETE CASCADE,
    parent_id     uuid,
    run_id        uuid        NOT NULL,
    step          integer     NOT NULL,
    source        text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    values        jsonb       NOT NULL,
    UNIQUE (thread_id, step)
);

CREATE TABLE IF NOT EXISTS api_keys (
    key_id      text        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    secret_hash bytea       NOT NULL CHECK (octet_length(secret_hash) = 32),
    label       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

CREATE INDEX IF NOT EXISTS ix_api_keys_tenant ON api_keys (tenant_id);
