package dev.collide.store;

import java.time.Instant;

/** One change to a collision: CREATED, UPDATED or RETRACTED. */
public record HistoryEntry(long id, String collisionId, String change, String detail, Instant changedAt) {
}
