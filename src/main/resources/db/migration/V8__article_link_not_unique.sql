-- Issue 17: within one source, distinct guids are distinct articles whatever their links (the MiniMax and Z.ai
-- release-notes feeds give every entry the same link), and a lab's own post is kept even when another source
-- already stored its URL. The canonical URL stays indexed: the store looks it up before each insert.
ALTER TABLE articles DROP CONSTRAINT articles_url_key;
CREATE INDEX articles_url ON articles (url_key);
