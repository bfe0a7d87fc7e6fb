package dev.collide.store;

import java.time.Instant;
import java.util.Optional;

/** A collision as the archive shows it; {@code status} is ACTIVE or RETRACTED, {@code tier} a Tier name. */
public record StoredCollision(String id, StoredEvent a, StoredEvent b, Optional<Integer> gapDays, String tier,
                              boolean rivalry, boolean reported, String status, Instant createdAt, Instant updatedAt) {
    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
