-- The detection settings (window, minimum confidence, rivals) the stored collisions were computed with, so a
-- restart runs the expensive full pass only when they changed.
CREATE TABLE detection_settings (
    id          INTEGER PRIMARY KEY,
    settings    VARCHAR(2000) NOT NULL,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
