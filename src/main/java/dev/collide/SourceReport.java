package dev.collide;

import java.time.Instant;
import java.util.Optional;

/**
 * What one poll of one source did. {@code status}: ok, unchanged, failed, rate-limited. {@code seen} counts items
 * in the document, {@code stored} the ones new to the archive.
 */
public record SourceReport(String sourceId, String status, int seen, int stored, Optional<String> error,
                           Optional<Instant> nextFetchAt) {
    /** One line for the console: {@code hf-blog        ok  12 items, 3 new}. */
    public String line() {
        String detail = switch (status) {
            case "ok" -> seen + " items, " + stored + " new";
            case "unchanged" -> "not modified";
            default -> error.orElse("");
        };
        return String.format("%-24s %-12s %s", sourceId, status, detail);
    }
}
