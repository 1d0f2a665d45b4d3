-- Alarms that find the steward: raised once per change of state of a feed (it went stale, a run was refused
-- or failed, its match rate fell), resolved by themselves when the feed is healthy again, kept as history.
-- At most one open alarm per feed and kind, whichever node evaluates: the partial unique index decides.
CREATE TABLE feed_alarm (
    alarm_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feed              text NOT NULL,
    kind              text NOT NULL CHECK (kind IN ('stale', 'refused', 'failed', 'match-rate')),
    message           text NOT NULL,
    run_id            bigint REFERENCES feed_run ON DELETE SET NULL,
    opened_at         timestamptz NOT NULL,
    acknowledged_at   timestamptz,
    acknowledged_by   text,
    snoozed_until     timestamptz,
    snoozed_by        text,
    resolved_at       timestamptz
);
CREATE UNIQUE INDEX feed_alarm_open_ux ON feed_alarm (feed, kind) WHERE resolved_at IS NULL;
CREATE INDEX feed_alarm_opened_ix ON feed_alarm (opened_at DESC);

-- Outbound webhook deliveries, written in the transaction that opened or resolved the alarm, so a restart
-- between the two cannot lose one. Any node sends due rows (claimed with SKIP LOCKED), retrying with backoff.
CREATE TABLE alarm_delivery (
    delivery_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alarm_id         bigint NOT NULL REFERENCES feed_alarm ON DELETE CASCADE,
    event            text NOT NULL CHECK (event IN ('opened', 'resolved')),
    webhook          text NOT NULL,
    attempts         integer NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    delivered_at     timestamptz,
    last_error       text,
    UNIQUE (alarm_id, event, webhook)
);
CREATE INDEX alarm_delivery_due_ix ON alarm_delivery (next_attempt_at) WHERE delivered_at IS NULL;
