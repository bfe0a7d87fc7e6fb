package dev.collide.store;

import static java.util.Objects.requireNonNull;

import dev.collide.fetch.Validators;
import java.time.Instant;
import java.util.Optional;

/**
 * What the archive remembers of one source: validators for the next conditional GET, its last outcome and the
 * schedule. {@code lastStatus} is one of ok, unchanged, failed, rate-limited.
 */
public record SourceHealth(String sourceId, Validators validators, Optional<Instant> lastFetchAt,
                           Optional<Instant> lastSuccessAt, Optional<Instant> lastItemsAt, String lastStatus,
                           Optional<String> lastError, int errorCount, Optional<Instant> nextFetchAt,
                           long fetchCount, long notModifiedCount, long itemCount) {
    public SourceHealth {
        requireNonNull(sourceId, "sourceId");
        requireNonNull(validators, "validators");
        requireNonNull(lastStatus, "lastStatus");
    }

    public static SourceHealth fresh(String sourceId) {
        return new SourceHealth(sourceId, Validators.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
                "new", Optional.empty(), 0, Optional.empty(), 0, 0, 0);
    }

    public boolean isDue(Instant now) {
        return nextFetchAt.map(next -> !next.isAfter(now)).orElse(true);
    }
}
