-- Incremental detection: mentions and co-releases not yet taken into account by a detection run. A flag (not a
-- high-water mark on ids) because identity values may commit out of order across transactions and nodes.
ALTER TABLE mentions ADD COLUMN detected BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE co_releases ADD COLUMN detected BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX mentions_undetected ON mentions (detected);
CREATE INDEX co_releases_undetected ON co_releases (detected);
CREATE INDEX co_releases_a ON co_releases (lab_a, family_a);
CREATE INDEX co_releases_b ON co_releases (lab_b, family_b);
