package dev.collide;

import java.time.Instant;
import java.util.Optional;

/**
 * What one poll of one source did. {@code status}: ok, unchanged, failed, rate-limited. {@code seen} counts items
 * in the document, {@code stored} the ones new to the archive, {@code sameLink} the ones skipped because another
 * source's article has their link; the rest ({@link #alreadyStored()}) this source had given before.
 */
public record SourceReport(String sourceId, String status, int seen, int stored, int sameLink,
                           Optional<String> error, Optional<Instant> nextFetchAt) {
    public SourceReport(String sourceId, String status, int seen, int stored, Optional<String> error,
                        Optional<Instant> nextFetchAt) {
        this(sourceId, status, seen, stored, 0, error, nextFetchAt);
    }

    /** Items skipped as duplicates of this source's own stored items (same guid). */
    public int alreadyStored() {
        return Math.max(0, seen - stored - sameLink);
    }

    /** One line for the console: {@code hf-blog        ok  12 items, 3 new, 9 already stored}. */
    public String line() {
        String detail = switch (status) {
            case "ok" -> seen + " items, " + stored + " new"
                    + (alreadyStored() > 0 ? ", " + alreadyStored() + " already stored" : "")
                    + (sameLink > 0 ? ", " + sameLink + " skipped: same link as another source's article" : "");
            case "unchanged" -> "not modified";
            default -> error.orElse("");
        };
        return String.format("%-24s %-12s %s", sourceId, status, detail);
    }
}
