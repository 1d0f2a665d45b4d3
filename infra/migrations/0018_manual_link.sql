-- A data steward's choice of building for a feed record the linkage could not place (or placed wrongly):
-- "this record is that building", or, with building_id NULL, "this record is no building here: leave it
-- unmatched". A choice holds on every later run for as long as the source row is the one it was made on;
-- when the row changes, the choice lapses (lapsed_at, why, and by which run) and the ladder links the record
-- again. A new choice replaces the current one (replaced_at) instead of overwriting it, so the record's
-- history of choices stays readable: who chose what, when, why, and what the record was linked to before.
CREATE TABLE manual_link (
    link_id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feed                  text NOT NULL,
    record_id             text NOT NULL,
    -- No foreign key: the building may leave assessing later, and the history must still say what was chosen.
    building_id           bigint,
    previous_building_id  bigint,
    previous_method       text NOT NULL,
    -- The source row the choice was made on (feed_record.row_fingerprint, NULL for a record loaded before
    -- 0009) and the mapped record's content, which decides across a new build (row fingerprints change then).
    row_fingerprint       bytea,
    content_hash          text NOT NULL,
    chosen_by             text NOT NULL,
    chosen_at             timestamptz NOT NULL DEFAULT now(),
    note                  text,
    lapsed_at             timestamptz,
    lapsed_reason         text,
    lapsed_run_id         bigint REFERENCES feed_run ON DELETE SET NULL,
    replaced_at           timestamptz,
    CHECK ((lapsed_at IS NULL) = (lapsed_reason IS NULL))
);

-- At most one choice in force per record.
CREATE UNIQUE INDEX manual_link_current_ux ON manual_link (feed, record_id) WHERE lapsed_at IS NULL AND replaced_at IS NULL;
CREATE INDEX manual_link_record_ix ON manual_link (feed, record_id, chosen_at DESC);
