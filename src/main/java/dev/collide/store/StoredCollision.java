package dev.collide.store;

import dev.collide.detect.Tier;
import java.time.Instant;
import java.util.Optional;

/** A collision as the archive shows it. */
public record StoredCollision(String id, StoredEvent a, StoredEvent b, Optional<Integer> gapDays, Tier tier,
                              boolean rivalry, boolean reported, CollisionStatus status, Instant createdAt,
                              Instant updatedAt) {
    public boolean isActive() {
        return status == CollisionStatus.ACTIVE;
    }
}
