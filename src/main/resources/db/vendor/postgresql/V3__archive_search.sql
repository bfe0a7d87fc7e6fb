-- Archive server (issue #7), PostgreSQL flavour: the same indexes as db/vendor/h2/V3, plus a GIN full-text index.

ALTER TABLE articles ADD COLUMN sort_at TIMESTAMP WITH TIME ZONE
    GENERATED ALWAYS AS (COALESCE(published_at, fetched_at)) STORED;
-- lab is in the index so that the lab + date-range page finds its ids without reading article rows (JdbcArticleStore.search)
CREATE INDEX articles_sort ON articles (sort_at, id, lab);
CREATE INDEX mentions_lab_article ON mentions (lab, article_id);
CREATE INDEX collisions_status ON collisions (status);
-- events newest first by (release_date, id), read backwards: a lab + date-range page stops after limit rows
-- instead of sorting the whole range (JdbcEventStore.events)
CREATE INDEX release_events_lab_date_id ON release_events (lab, release_date, id);
CREATE INDEX release_events_date_id ON release_events (release_date, id);
-- the V1 indexes are prefixes of these two; left in place, H2's planner picks them and sorts the range
DROP INDEX release_events_lab_date;
DROP INDEX release_events_date;

-- JdbcArticleStore.search matches this expression exactly, so the planner uses the index.
CREATE INDEX articles_fulltext ON articles USING GIN (to_tsvector('simple', title || ' ' || body));
