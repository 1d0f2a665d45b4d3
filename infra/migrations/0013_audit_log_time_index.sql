-- Retention deletes audit rows older than the kept years (RetentionPruner), and an investigation asks
-- "who looked at what last night": both by time. Rows arrive in time order, so a BRIN index (a few pages
-- for millions of rows, next to nothing per insert) finds them without reading the whole log.
CREATE INDEX audit_log_at_brin ON audit_log USING brin (at);
