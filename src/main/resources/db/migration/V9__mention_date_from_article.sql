-- Issue 13: whether a mention's date was read from its text or taken from its article's publication date (the text
-- gave none). The detector ranks an article's date below any date a text states and reads it as "on or before".
-- NULL for mentions stored before this migration: the detector then infers it from the article's date as before.
ALTER TABLE mentions ADD COLUMN date_from_article BOOLEAN;
