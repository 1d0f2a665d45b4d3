-- A steward pauses a feed for a reason ("publisher re-issuing the export", "address columns renamed"); the
-- board shows who paused it, when and why, and the pause survives any restart because it lives here.
ALTER TABLE feed_control ADD COLUMN paused_reason text;
