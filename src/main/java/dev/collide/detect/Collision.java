package dev.collide.detect;

import java.util.Optional;

/**
 * Two releases of different labs within the detection window, or reported as simultaneous. {@code a} is the earlier
 * (or, on a tie, the one with the smaller id). {@link #id()} is stable: derived from the two event ids.
 * {@code gapDays} is empty when a reported co-release has no day-exact dates. {@code statement} is the sentence a
 * reported collision rests on ("released within hours of each other"), when it is reported.
 */
public record Collision(ReleaseEvent a, ReleaseEvent b, Optional<Long> gapDays, Tier tier, boolean rivalry,
                        boolean reported, Optional<String> statement) {
    public Collision(ReleaseEvent a, ReleaseEvent b, Optional<Long> gapDays, Tier tier, boolean rivalry,
                     boolean reported) {
        this(a, b, gapDays, tier, rivalry, reported, Optional.empty());
    }

    public Collision {
        java.util.Objects.requireNonNull(statement, "statement");
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
