-- The hazard index: buildings, the current records of every feed, hydrants, the per-building index
-- row, and the feed ledger. Geometry is WGS84 (SRID 4326); distances use geography.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One building per assessing parcel. Attributes come from the assessing feed only.
CREATE TABLE building (
    building_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parcel_id        text NOT NULL UNIQUE,
    address_text     text,
    address_key      text,
    street           text,
    number_low       int,
    number_high      int,
    zip              text,
    attrs            jsonb NOT NULL,
    location         geometry(Point, 4326),
    parcel_shape     geometry(Geometry, 4326),
    footprint        geometry(Geometry, 4326),
    as_of            timestamptz,
    content_hash     text NOT NULL,
    updated_run_id   bigint NOT NULL
);
CREATE INDEX building_location_gix ON building USING gist (location);
CREATE INDEX building_parcel_shape_gix ON building USING gist (parcel_shape);
CREATE INDEX building_footprint_gix ON building USING gist (footprint);

-- Every address a building answers to (its own, plus ranges and aliases), used by entity resolution
-- and by search. Rebuilt from the assessing feed.
CREATE TABLE building_address (
    building_id   bigint NOT NULL REFERENCES building ON DELETE CASCADE,
    street        text NOT NULL,
    number_low    int,
    number_high   int,
    zip           text,
    address_key   text NOT NULL,
    address_text  text NOT NULL
);
CREATE INDEX building_address_street_ix ON building_address (street, number_low, number_high);
CREATE INDEX building_address_building_ix ON building_address (building_id);
CREATE INDEX building_address_key_trgm ON building_address USING gin (address_key gin_trgm_ops);

-- City address ids (Boston SAM ids) learned from records that were linked by other means, so later
-- records carrying the same id link directly.
CREATE TABLE address_id_link (
    address_id   text PRIMARY KEY,
    building_id  bigint NOT NULL REFERENCES building ON DELETE CASCADE,
    learned_from text NOT NULL
);

-- The current records of the building-linked feeds (everything but assessing and hydrants).
-- Unmatched records are kept (building_id null) with the reason, for the data steward.
CREATE TABLE feed_record (
    feed             text NOT NULL,
    record_id        text NOT NULL,
    building_id      bigint REFERENCES building ON DELETE SET NULL,
    match_method     text NOT NULL,
    match_confidence real NOT NULL,
    unmatched_reason text,
    parcel_id        text,
    address_id       text,
    address_text     text,
    address_key      text,
    location         geometry(Point, 4326),
    attrs            jsonb NOT NULL,
    as_of            timestamptz,
    line_number      bigint NOT NULL,
    content_hash     text NOT NULL,
    updated_run_id   bigint NOT NULL,
    PRIMARY KEY (feed, record_id)
);
CREATE INDEX feed_record_building_ix ON feed_record (building_id);

CREATE TABLE hydrant (
    hydrant_id     text PRIMARY KEY,
    in_service     boolean NOT NULL,
    attrs          jsonb NOT NULL,
    location       geometry(Point, 4326) NOT NULL,
    as_of          timestamptz,
    line_number    bigint NOT NULL,
    content_hash   text NOT NULL,
    updated_run_id bigint NOT NULL
);
CREATE INDEX hydrant_location_gix ON hydrant USING gist (location);

-- One row per building: what the dispatcher sees. Rebuilt for the buildings a run touches.
CREATE TABLE hazard_index (
    building_id      bigint PRIMARY KEY REFERENCES building ON DELETE CASCADE,
    max_severity     smallint NOT NULL,
    flags            jsonb NOT NULL,
    recommendations  jsonb NOT NULL,
    source_as_of     jsonb NOT NULL,
    location         geometry(Point, 4326),
    footprint        geometry(Geometry, 4326),
    content_hash     text NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX hazard_index_location_gix ON hazard_index USING gist (location);
CREATE INDEX hazard_index_severity_ix ON hazard_index (max_severity);

-- The feed ledger: one row per run, written outside the merge transaction so that refused, failed
-- and cancelled runs are recorded too.
CREATE TABLE feed_run (
    run_id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feed               text NOT NULL,
    trigger            text NOT NULL,
    started_at         timestamptz NOT NULL,
    finished_at        timestamptz,
    status             text NOT NULL CHECK (status IN ('running', 'succeeded', 'unchanged', 'refused', 'failed', 'cancelled')),
    phase              text,
    rows_read          bigint NOT NULL DEFAULT 0,
    rows_accepted      bigint NOT NULL DEFAULT 0,
    rows_rejected      bigint NOT NULL DEFAULT 0,
    rows_matched       bigint NOT NULL DEFAULT 0,
    rows_unmatched     bigint NOT NULL DEFAULT 0,
    buildings_changed  bigint NOT NULL DEFAULT 0,
    input_checksum     text,
    message            text
);
CREATE INDEX feed_run_feed_ix ON feed_run (feed, run_id DESC);

CREATE TABLE rejected_row (
    run_id       bigint NOT NULL REFERENCES feed_run ON DELETE CASCADE,
    line_number  bigint NOT NULL,
    reason       text NOT NULL,
    raw_text     text NOT NULL
);
CREATE INDEX rejected_row_run_ix ON rejected_row (run_id, line_number);

-- Which buildings each run changed: the NOTIFY payload names the run; listeners read ids here
-- when the payload could not carry them all (NOTIFY payloads are limited to 8000 bytes).
CREATE TABLE run_changed_building (
    run_id       bigint NOT NULL REFERENCES feed_run ON DELETE CASCADE,
    building_id  bigint NOT NULL,
    PRIMARY KEY (run_id, building_id)
);

-- Steward controls per feed.
CREATE TABLE feed_control (
    feed        text PRIMARY KEY,
    paused      boolean NOT NULL DEFAULT false,
    paused_by   text,
    paused_at   timestamptz
);
