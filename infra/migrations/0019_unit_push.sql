-- Push to the rigs (issue #11): a durable per-unit outbox, unit status, paired tablets.
-- What a unit is sent is written here in the transaction of the change that caused it; SignalR only
-- carries it, and a tablet that reconnects asks for what it missed by sequence number.

ALTER TABLE unit
    ADD COLUMN status    text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'dispatched', 'enroute', 'onscene')),
    ADD COLUMN status_at timestamptz,
    -- The unit's last message number: bumped under the row lock with UPDATE ... RETURNING, so the
    -- sequence has no gaps and commits in order (a sequence object would skip numbers on rollback).
    ADD COLUMN last_seq  bigint NOT NULL DEFAULT 0;

CREATE TABLE unit_message (
    unit_id      text NOT NULL REFERENCES unit,
    seq          bigint NOT NULL CHECK (seq > 0),
    incident_id  bigint REFERENCES incident ON DELETE SET NULL,
    kind         text NOT NULL CHECK (kind IN ('assigned', 'changed', 'unassigned', 'closed')),
    body         jsonb NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    -- First pushed to a live connection; stored by the tablet; acknowledged by the crew.
    sent_at      timestamptz,
    received_at  timestamptz,
    shown_at     timestamptz,
    PRIMARY KEY (unit_id, seq)
);
CREATE INDEX unit_message_incident_ix ON unit_message (incident_id, unit_id, seq DESC);

-- What a crew needs of the building, as last sent to this unit: a feed run that changes nothing of it
-- sends nothing, and however many web nodes hear the change, one of them writes the message.
ALTER TABLE incident_unit ADD COLUMN summary_sha256 bytea;

CREATE TABLE unit_device (
    device_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id       text NOT NULL REFERENCES unit,
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    -- Only a hash: a database dump does not hand out working tablet tokens.
    token_sha256  bytea NOT NULL UNIQUE,
    paired_at     timestamptz NOT NULL DEFAULT now(),
    paired_by     text NOT NULL,
    last_seen_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    text
);
CREATE INDEX unit_device_unit_ix ON unit_device (unit_id);

CREATE TABLE unit_pairing_code (
    code_sha256  bytea PRIMARY KEY,
    unit_id      text NOT NULL REFERENCES unit,
    issued_by    text NOT NULL,
    issued_at    timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz
);

-- For each unit on an incident, its latest message about that incident (the console's delivery column).
CREATE VIEW unit_delivery AS
SELECT iu.incident_id, iu.unit_id, m.seq, m.kind, m.created_at, m.sent_at, m.received_at, m.shown_at
FROM incident_unit iu
JOIN LATERAL (
    SELECT um.seq, um.kind, um.created_at, um.sent_at, um.received_at, um.shown_at
    FROM unit_message um
    WHERE um.unit_id = iu.unit_id AND um.incident_id = iu.incident_id
    ORDER BY um.seq DESC
    LIMIT 1
) m ON true;
