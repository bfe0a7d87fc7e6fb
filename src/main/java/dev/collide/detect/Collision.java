package dev.collide.detect;

import java.util.Optional;

/**
 * Two releases of different labs within the detection window, or reported as simultaneous. {@code a} is the earlier
 * (or, on a tie, the one with the smaller id). {@link #id()} is stable: derived from the two event ids.
 * {@code gapDays} is empty when a reported co-release has no day-exact dates.
 */
public record Collision(ReleaseEvent a, ReleaseEvent b, Optional<Long> gapDays, Tier tier, boolean rivalry,
                        boolean reported) {
    public Collision {
        if (a.lab().equals(b.lab())) {
            throw new IllegalArgumentException("a collision needs two labs, got " + a.lab() + " twice");
        }
    }

    /** Derived, not stored: a full detection builds millions of pairs and most are only compared, not saved. */
    public String id() {
        return idFor(a.id(), b.id());
    }

    public static String idFor(String eventIdA, String eventIdB) {
        return StableIds.ofPair(eventIdA, eventIdB);
    }
}
