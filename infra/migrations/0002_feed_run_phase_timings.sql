-- How long each phase of a run took (seconds), so a steward or an operator can see where a slow
-- run spent its time: {"fetching": 0.1, "staging": 2.3, "linking": 0.8, ...}.
ALTER TABLE feed_run ADD COLUMN phase_seconds jsonb NOT NULL DEFAULT '{}';
