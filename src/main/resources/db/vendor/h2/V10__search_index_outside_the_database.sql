-- Issue 18: H2's native full-text triggers (FT_CREATE_INDEX in V3) were a quarter of a cold fetch's CPU, most of
-- the pages every commit wrote, and 0.7 s for a common word at 200,000 articles. The archive's full-text search
-- now lives in a Lucene index beside the database file (store/ArticleSearchIndex), rebuilt from this table when
-- missing. The triggers and the FT schema go.
CALL FT_DROP_ALL();


-- An identity hands out 32 values, then writes its new position in a commit of its own; with WRITE_DELAY 0 that
-- commit stores every unsaved page, the running batch's included: about half of the writer's time in a cold fetch
-- and in a 10,000-item poll. Values lost to a crash leave gaps in the ids, which nothing reads as meaning.
ALTER TABLE articles ALTER COLUMN id SET CACHE 8192;
ALTER TABLE mentions ALTER COLUMN id SET CACHE 8192;
ALTER TABLE co_releases ALTER COLUMN id SET CACHE 8192;
