package dev.collide.store;

import java.time.LocalDate;
import java.util.Optional;

/** Filters shared by the archive's listings (CLI and HTTP API). Dates are inclusive, in UTC. */
public record ArchiveQuery(Optional<LocalDate> since, Optional<LocalDate> until, Optional<String> lab,
                           Optional<String> text, int limit, long offset) {
    public static final int MAX_LIMIT = 1000;

    public ArchiveQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    public static ArchiveQuery all() {
        return new ArchiveQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), MAX_LIMIT, 0);
    }
}
