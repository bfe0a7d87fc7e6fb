-- Issue 18: H2's native full-text triggers (FT_CREATE_INDEX in V3) were a quarter of a cold fetch's CPU, most of
-- the pages every commit wrote, and 0.7 s for a common word at 200,000 articles. The archive's full-text search
-- now lives in a Lucene index beside the database file (store/ArticleSearchIndex), rebuilt from this table when
-- missing. The triggers and the FT schema go.
CALL FT_DROP_ALL();

