package dev.collide.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** A release event as the archive shows it. {@code precision} is INSTANT, DAY, WEEK or MONTH. */
public record StoredEvent(String id, String lab, String family, String model, Optional<LocalDate> date,
                          Optional<String> precision, Optional<Instant> releaseAt, double confidence, int sourceCount,
                          Instant firstSeenAt, Instant updatedAt) {
}
