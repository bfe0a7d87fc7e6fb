-- Issue 18: the duplicate look-ups used to go through two indexes on 64-character SHA-256 hex keys
-- (articles_guid_key, unique, and articles_url). Inserts land at random places in both, and H2's copy-on-write
-- store rewrote most of their pages at every commit: with 1,000,000 articles the file grew to 9.7 GB for a
-- 55 MB backup, and a cold fetch was bound by those writes. Now the look-ups use the first 64 bits of the same
-- SHA-256 as BIGINT columns (8 bytes instead of 64 per entry), and the guid's is unique within its source, so one
-- poll's articles land together in the index. The full keys stay in the rows: a look-up compares them, so two
-- keys that share 64 bits are never taken for one another (within one source such a pair, about one in 10^12 at
-- 10,000 articles of a source, would be refused by the unique index and counted as already stored).
--
-- The hex-to-BIGINT conversion is spelled out in portable SQL (H2 and PostgreSQL alike): the first 8 hex digits
-- as a signed 32-bit high half, times 2^32, plus the next 8 as the low half; equal to Java's
-- Long.parseUnsignedLong(key.substring(0, 16), 16) (KeysTest checks the two agree).
ALTER TABLE articles ADD COLUMN guid_hash BIGINT;
ALTER TABLE articles ADD COLUMN url_hash BIGINT;
UPDATE articles SET guid_hash = (CASE WHEN ((CAST(POSITION(SUBSTRING(guid_key FROM 1 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 268435456
        + (CAST(POSITION(SUBSTRING(guid_key FROM 2 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16777216
        + (CAST(POSITION(SUBSTRING(guid_key FROM 3 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1048576
        + (CAST(POSITION(SUBSTRING(guid_key FROM 4 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 65536
        + (CAST(POSITION(SUBSTRING(guid_key FROM 5 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 4096
        + (CAST(POSITION(SUBSTRING(guid_key FROM 6 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 256
        + (CAST(POSITION(SUBSTRING(guid_key FROM 7 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16
        + (CAST(POSITION(SUBSTRING(guid_key FROM 8 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1) >= 2147483648 THEN ((CAST(POSITION(SUBSTRING(guid_key FROM 1 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 268435456
        + (CAST(POSITION(SUBSTRING(guid_key FROM 2 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16777216
        + (CAST(POSITION(SUBSTRING(guid_key FROM 3 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1048576
        + (CAST(POSITION(SUBSTRING(guid_key FROM 4 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 65536
        + (CAST(POSITION(SUBSTRING(guid_key FROM 5 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 4096
        + (CAST(POSITION(SUBSTRING(guid_key FROM 6 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 256
        + (CAST(POSITION(SUBSTRING(guid_key FROM 7 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16
        + (CAST(POSITION(SUBSTRING(guid_key FROM 8 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1) - 4294967296 ELSE ((CAST(POSITION(SUBSTRING(guid_key FROM 1 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 268435456
        + (CAST(POSITION(SUBSTRING(guid_key FROM 2 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16777216
        + (CAST(POSITION(SUBSTRING(guid_key FROM 3 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1048576
        + (CAST(POSITION(SUBSTRING(guid_key FROM 4 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 65536
        + (CAST(POSITION(SUBSTRING(guid_key FROM 5 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 4096
        + (CAST(POSITION(SUBSTRING(guid_key FROM 6 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 256
        + (CAST(POSITION(SUBSTRING(guid_key FROM 7 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16
        + (CAST(POSITION(SUBSTRING(guid_key FROM 8 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1) END) * 4294967296
    + ((CAST(POSITION(SUBSTRING(guid_key FROM 9 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 268435456
        + (CAST(POSITION(SUBSTRING(guid_key FROM 10 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16777216
        + (CAST(POSITION(SUBSTRING(guid_key FROM 11 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1048576
        + (CAST(POSITION(SUBSTRING(guid_key FROM 12 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 65536
        + (CAST(POSITION(SUBSTRING(guid_key FROM 13 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 4096
        + (CAST(POSITION(SUBSTRING(guid_key FROM 14 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 256
        + (CAST(POSITION(SUBSTRING(guid_key FROM 15 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16
        + (CAST(POSITION(SUBSTRING(guid_key FROM 16 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1);
UPDATE articles SET url_hash = (CASE WHEN ((CAST(POSITION(SUBSTRING(url_key FROM 1 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 268435456
        + (CAST(POSITION(SUBSTRING(url_key FROM 2 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16777216
        + (CAST(POSITION(SUBSTRING(url_key FROM 3 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1048576
        + (CAST(POSITION(SUBSTRING(url_key FROM 4 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 65536
        + (CAST(POSITION(SUBSTRING(url_key FROM 5 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 4096
        + (CAST(POSITION(SUBSTRING(url_key FROM 6 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 256
        + (CAST(POSITION(SUBSTRING(url_key FROM 7 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16
        + (CAST(POSITION(SUBSTRING(url_key FROM 8 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1) >= 2147483648 THEN ((CAST(POSITION(SUBSTRING(url_key FROM 1 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 268435456
        + (CAST(POSITION(SUBSTRING(url_key FROM 2 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16777216
        + (CAST(POSITION(SUBSTRING(url_key FROM 3 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1048576
        + (CAST(POSITION(SUBSTRING(url_key FROM 4 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 65536
        + (CAST(POSITION(SUBSTRING(url_key FROM 5 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 4096
        + (CAST(POSITION(SUBSTRING(url_key FROM 6 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 256
        + (CAST(POSITION(SUBSTRING(url_key FROM 7 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16
        + (CAST(POSITION(SUBSTRING(url_key FROM 8 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1) - 4294967296 ELSE ((CAST(POSITION(SUBSTRING(url_key FROM 1 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 268435456
        + (CAST(POSITION(SUBSTRING(url_key FROM 2 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16777216
        + (CAST(POSITION(SUBSTRING(url_key FROM 3 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1048576
        + (CAST(POSITION(SUBSTRING(url_key FROM 4 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 65536
        + (CAST(POSITION(SUBSTRING(url_key FROM 5 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 4096
        + (CAST(POSITION(SUBSTRING(url_key FROM 6 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 256
        + (CAST(POSITION(SUBSTRING(url_key FROM 7 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16
        + (CAST(POSITION(SUBSTRING(url_key FROM 8 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1) END) * 4294967296
    + ((CAST(POSITION(SUBSTRING(url_key FROM 9 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 268435456
        + (CAST(POSITION(SUBSTRING(url_key FROM 10 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16777216
        + (CAST(POSITION(SUBSTRING(url_key FROM 11 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1048576
        + (CAST(POSITION(SUBSTRING(url_key FROM 12 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 65536
        + (CAST(POSITION(SUBSTRING(url_key FROM 13 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 4096
        + (CAST(POSITION(SUBSTRING(url_key FROM 14 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 256
        + (CAST(POSITION(SUBSTRING(url_key FROM 15 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 16
        + (CAST(POSITION(SUBSTRING(url_key FROM 16 FOR 1) IN '0123456789abcdef') AS BIGINT) - 1) * 1)
WHERE url_key IS NOT NULL;
ALTER TABLE articles ALTER COLUMN guid_hash SET NOT NULL;
ALTER TABLE articles DROP CONSTRAINT articles_guid_key;
DROP INDEX articles_url;
CREATE UNIQUE INDEX articles_source_guid_hash ON articles (source_id, guid_hash);
CREATE INDEX articles_url_hash ON articles (url_hash);
