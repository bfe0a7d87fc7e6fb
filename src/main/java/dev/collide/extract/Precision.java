package dev.collide.extract;

/** How exactly a release date is known, finest first. */
public enum Precision {
    /** A timestamp to the minute or better (hub records). */
    INSTANT,
    DAY,
    WEEK,
    MONTH;

    public boolean isFinerThan(Precision other) {
        return ordinal() < other.ordinal();
    }
}
