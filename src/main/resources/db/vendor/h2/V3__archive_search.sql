-- Archive server (issue #7), H2 flavour: the same indexes as db/vendor/postgresql/V3, plus H2's native full-text.
-- Vendor-specific because generated columns and full-text differ between H2 and PostgreSQL.

-- The article listing sorts and filters on "publication time, else fetch time"; a generated column makes that
-- indexable (H2 has no expression indexes).
ALTER TABLE articles ADD COLUMN sort_at TIMESTAMP WITH TIME ZONE GENERATED ALWAYS AS (COALESCE(published_at, fetched_at));
-- lab is in the index so that the lab + date-range page finds its ids without reading article rows (JdbcArticleStore.search)
CREATE INDEX articles_sort ON articles (sort_at, id, lab);
-- "articles of a lab" also means articles that mention it; this finds them without reading mentions rows.
CREATE INDEX mentions_lab_article ON mentions (lab, article_id);
CREATE INDEX collisions_status ON collisions (status);
-- events newest first by (release_date, id), read backwards: a lab + date-range page stops after limit rows
-- instead of sorting the whole range (JdbcEventStore.events)
CREATE INDEX release_events_lab_date_id ON release_events (lab, release_date, id);
CREATE INDEX release_events_date_id ON release_events (release_date, id);
-- the V1 indexes are prefixes of these two; left in place, H2's planner picks them and sorts the range
DROP INDEX release_events_lab_date;
DROP INDEX release_events_date;

-- H2 full-text (org.h2.fulltext.FullText): triggers keep an inverted index of title and body in schema FT.
CREATE ALIAS IF NOT EXISTS FT_INIT FOR 'org.h2.fulltext.FullText.init';
CALL FT_INIT();
CALL FT_CREATE_INDEX('PUBLIC', 'ARTICLES', 'TITLE,BODY');
