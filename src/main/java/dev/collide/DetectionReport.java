package dev.collide;

/** What one detection run found and changed. */
public record DetectionReport(int evidence, int events, int collisions, int newEvents, long created, long updated,
                              long retracted) {
    public String line() {
        return String.format("detection: %d release mentions -> %d events, %d collisions (%d new, %d updated,"
                + " %d retracted)", evidence, events, collisions, created, updated, retracted);
    }
}
