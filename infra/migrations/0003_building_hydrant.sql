-- The hydrants around each building, nearest first, as of the last assessing or hydrant run.
-- Derived data: it changes only when a building or a hydrant moves, so it is kept rather than
-- searched again every time another feed re-evaluates a building. No foreign keys on purpose:
-- the merges refresh it for every building whose surroundings changed, readers join it to the
-- live tables, and per-row key checks made a full refresh several times slower.
CREATE TABLE building_hydrant (
    building_id  bigint NOT NULL,
    hydrant_id   text NOT NULL,
    meters       double precision NOT NULL,
    PRIMARY KEY (building_id, hydrant_id)
);
