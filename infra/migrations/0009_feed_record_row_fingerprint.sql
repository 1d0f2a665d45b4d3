-- An incremental refresh used to map, stage and compare every row of an export to find the 1% that
-- changed. Each record now remembers the fingerprint of the source row it was loaded from (XxHash128
-- of the row's fields, its header and the mapping's version; 16 bytes): a row that is exactly as it
-- was, for a record that is linked, is kept without being mapped or staged again.
-- NULL until the record is next loaded: such a record is mapped as before, once.
ALTER TABLE feed_record ADD COLUMN row_fingerprint bytea;

-- How many of a run's accepted rows were kept that way, for the steward and the benchmark.
ALTER TABLE feed_run ADD COLUMN rows_kept bigint NOT NULL DEFAULT 0;
