-- What the run's reading depended on besides the input (the build's readers, the service area): an input
-- identical to the last good run's is "unchanged" only when this is too, so a fix to a reader or to the
-- address normalizer reaches the records at the next run, not at the publisher's next change. NULL before.
ALTER TABLE feed_run ADD COLUMN mapping_version text;
