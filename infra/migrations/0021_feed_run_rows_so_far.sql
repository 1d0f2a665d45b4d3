-- Rows a run in progress has read (or, for a feed read ahead, staged) so far: the runner writes it at most once a
-- second from its own connection (outside the run's transaction, so it is visible at once) and announces it with
-- NOTIFY bis_run_progress, which every steward board hears on every node, wherever the run executes (a web node
-- or the ingest worker). Left as the last count when the run ends; the finished figures are in rows_read.
ALTER TABLE feed_run ADD COLUMN rows_so_far bigint;
