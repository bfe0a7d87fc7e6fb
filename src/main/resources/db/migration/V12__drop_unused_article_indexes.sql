-- Issue 18: two of V1's indexes serve no query. No statement filters or orders articles by published_at
-- (listings and date filters use sort_at, indexed by articles_sort since V3), and the only look-up by source_id
-- is the duplicate check, which uses articles_source_guid_hash (V11); the digest's fetched_at range cannot use an
-- index that leads with source_id. EXPLAIN on H2 2.4 and PostgreSQL 15 picks neither for any of the store's
-- queries, yet every insert updated both, at random places for articles_source on H2's copy-on-write file.
DROP INDEX articles_published;
DROP INDEX articles_source;
