-- Issue #5: adaptive refresh and source health.
-- empty_polls: successful polls in a row that parsed to no items (a feed that moved, a page whose layout changed).
-- interval_seconds: the source's current adaptive refresh interval; NULL means "every" from feeds.yml.
ALTER TABLE source_state ADD COLUMN empty_polls INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE source_state ADD COLUMN interval_seconds BIGINT;
