-- The CAD API: keys managed per client from /admin/cad-keys, and the Idempotency-Key ledger of its POSTs.

-- Who made a key and when it was last used (updated at most once per key and web node every 30 s, when the
-- key directory reads it again); a revoked key stays listed with who revoked it, and stops working.
ALTER TABLE api_client
    ADD COLUMN created_by   text NOT NULL DEFAULT 'configuration',
    ADD COLUMN last_used_at timestamptz,
    ADD COLUMN revoked_at   timestamptz,
    ADD COLUMN revoked_by   text,
    ADD CONSTRAINT api_client_revoked_by_ck CHECK ((revoked_at IS NULL) = (revoked_by IS NULL));

-- One row per (client, Idempotency-Key): the request's fingerprint (SHA-256 of method, path and body) and,
-- once answered, the answer to replay. The primary key is what makes two nodes racing on one key agree:
-- exactly one INSERT wins. Rows are kept 24 hours; the insert path deletes expired ones.
CREATE TABLE cad_idempotency (
    client        text NOT NULL,
    key           text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_hash  bytea NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    completed_at  timestamptz,
    status_code   integer,
    content_type  text,
    response_body bytea,
    location      text,
    PRIMARY KEY (client, key),
    CHECK ((completed_at IS NULL) = (status_code IS NULL))
);
CREATE INDEX cad_idempotency_started_ix ON cad_idempotency (started_at);
