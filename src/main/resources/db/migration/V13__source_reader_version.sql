-- Issue 13: which version of the feed readers saved a source's validators (dev.collide.source.ReaderVersion).
-- Validators saved by an older version are not used: a feed it read wrongly (items dropped, a parse that failed)
-- would otherwise answer 304 or the same body hash for ever, and the items it lost would never be read. NULL for
-- the states saved before this migration, which are such states.
ALTER TABLE source_state ADD COLUMN reader_version INTEGER;
