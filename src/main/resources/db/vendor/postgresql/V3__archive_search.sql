-- Archive server (issue #7), PostgreSQL flavour: the same indexes as db/vendor/h2/V3, plus a GIN full-text index.

ALTER TABLE articles ADD COLUMN sort_at TIMESTAMP WITH TIME ZONE
    GENERATED ALWAYS AS (COALESCE(published_at, fetched_at)) STORED;
-- lab is in the index so that the lab + date-range page finds its ids without reading article rows (JdbcArticleStore.search)
CREATE INDEX articles_sort ON articles (sort_at, id, lab);
CREATE INDEX mentions_lab_article ON mentions (lab, article_id);
CREATE INDEX collisions_status ON collisions (status);

-- JdbcArticleStore.search matches this expression exactly, so the planner uses the index.
CREATE INDEX articles_fulltext ON articles USING GIN (to_tsvector('simple', title || ' ' || body));
