-- Issue 18: H2 moved its full-text search out of the database (see db/vendor/h2/V10); PostgreSQL keeps its GIN
-- index (V3). This migration only keeps the two schemas at the same version.
SELECT 1;
