-- The parsed address of each record, so records left unmatched can walk the linkage ladder again
-- when the assessing backbone changes, without re-reading their feed.
ALTER TABLE feed_record
    ADD COLUMN street      text,
    ADD COLUMN number_low  int,
    ADD COLUMN number_high int,
    ADD COLUMN zip         text;
CREATE INDEX feed_record_unmatched_ix ON feed_record (feed) WHERE building_id IS NULL;
