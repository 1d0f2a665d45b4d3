-- A source value BIS cannot use as written (an NFPA rating of 7, a date that is not one, a negative
-- quantity) leaves its field unknown but keeps the record; the record carries why, so the data
-- steward sees what the publisher should fix. NULL when the row had nothing to warn about.
ALTER TABLE feed_record ADD COLUMN warnings text[];
ALTER TABLE building ADD COLUMN warnings text[];
ALTER TABLE hydrant ADD COLUMN warnings text[];

-- The steward asks "which records of this feed have warnings": few do, so the index stays small.
CREATE INDEX feed_record_warned_ix ON feed_record (feed) WHERE warnings IS NOT NULL;

-- A rejected row whose record id could be read names it: that record was not deleted as absent from
-- the input, its last good version stays (NULL when the id could not be read).
ALTER TABLE rejected_row ADD COLUMN record_id text;

-- How many of a run's mapped rows had warnings (rows kept unchanged keep theirs without being counted again).
ALTER TABLE feed_run ADD COLUMN rows_warned bigint NOT NULL DEFAULT 0;
