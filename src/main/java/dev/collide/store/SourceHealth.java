package dev.collide.store;

import static java.util.Objects.requireNonNull;

import dev.collide.fetch.Validators;
import dev.collide.source.DisplayText;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the archive remembers of one source: validators for the next conditional GET, its last outcome and the
 * schedule. {@code lastStatus} is one of ok, unchanged, failed, rate-limited. {@code emptyPolls} counts successful
 * polls in a row that parsed to no items; {@code interval} is the current adaptive refresh interval (empty: the
 * source's {@code every}).
 */
public record SourceHealth(String sourceId, Validators validators, Optional<Instant> lastFetchAt,
                           Optional<Instant> lastSuccessAt, Optional<Instant> lastItemsAt, String lastStatus,
                           Optional<String> lastError, int errorCount, Optional<Instant> nextFetchAt,
                           long fetchCount, long notModifiedCount, long itemCount, int emptyPolls,
                           Optional<Duration> interval) {
    /** Failures in a row after which a source is flagged "needs attention". */
    public static final int FAILING_AFTER = 3;

    public SourceHealth {
        requireNonNull(sourceId, "sourceId");
        requireNonNull(validators, "validators");
        requireNonNull(lastStatus, "lastStatus");
        requireNonNull(interval, "interval");
        // also cleans an error stored before issue 17 item 8, when reasons kept the feed's control characters
        lastError = requireNonNull(lastError, "lastError").map(DisplayText::line);
    }

    /** Without the adaptive-refresh fields (before V4). */
    public SourceHealth(String sourceId, Validators validators, Optional<Instant> lastFetchAt,
                        Optional<Instant> lastSuccessAt, Optional<Instant> lastItemsAt, String lastStatus,
                        Optional<String> lastError, int errorCount, Optional<Instant> nextFetchAt,
                        long fetchCount, long notModifiedCount, long itemCount) {
        this(sourceId, validators, lastFetchAt, lastSuccessAt, lastItemsAt, lastStatus, lastError, errorCount,
                nextFetchAt, fetchCount, notModifiedCount, itemCount, 0, Optional.empty());
    }

    public static SourceHealth fresh(String sourceId) {
        return new SourceHealth(sourceId, Validators.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
                "new", Optional.empty(), 0, Optional.empty(), 0, 0, 0);
    }

    /**
     * After a poll at {@code now} that read {@code read} items, {@code stored} of them new to the archive: a success,
     * with the server's new validators and the schedule the caller worked out ({@code nextFetchAt}, the adaptive
     * {@code interval}). A poll that read no items counts as one more empty poll.
     */
    public SourceHealth afterItems(Validators validators, int read, int stored, Instant now, Instant nextFetchAt,
                                   Duration interval) {
        return new SourceHealth(sourceId, validators, Optional.of(now), Optional.of(now),
                read == 0 ? lastItemsAt : Optional.of(now), "ok", Optional.empty(), 0, Optional.of(nextFetchAt),
                fetchCount + 1, notModifiedCount, itemCount + stored, read == 0 ? emptyPolls + 1 : 0,
                Optional.of(interval));
    }

    /** After a poll at {@code now} that the server answered "not modified": a success that read nothing. */
    public SourceHealth afterUnchanged(Validators validators, Instant now, Instant nextFetchAt, Duration interval) {
        return new SourceHealth(sourceId, validators, Optional.of(now), Optional.of(now), lastItemsAt, "unchanged",
                Optional.empty(), 0, Optional.of(nextFetchAt), fetchCount + 1, notModifiedCount + 1, itemCount,
                emptyPolls, Optional.of(interval));
    }

    /**
     * After a poll at {@code now} that failed for {@code reason} (rate-limited when the server said when to come
     * back): one more error in a row; the validators are kept, so the next poll reads the same items again.
     */
    public SourceHealth afterFailure(String reason, boolean rateLimited, Instant now, Instant nextFetchAt) {
        return new SourceHealth(sourceId, validators, Optional.of(now), lastSuccessAt, lastItemsAt,
                rateLimited ? "rate-limited" : "failed", Optional.of(reason), errorCount + 1,
                Optional.of(nextFetchAt), fetchCount + 1, notModifiedCount, itemCount, emptyPolls, interval);
    }

    public boolean isDue(Instant now) {
        return nextFetchAt.map(next -> !next.isAfter(now)).orElse(true);
    }

    /**
     * Why the source needs a person to look at it, if it does (issue #5): it keeps failing, or it used to yield
     * items and now parses to none (a feed that moved, a page whose layout changed). For {@code collide sources},
     * the digest and the web page.
     */
    public Optional<String> attention() {
        if (errorCount >= FAILING_AFTER) {
            return Optional.of("failing: " + errorCount + " polls in a row; last error: "
                    + lastError.orElse("(none recorded)"));
        }
        if (emptyPolls > 0 && itemCount > 0) {
            return Optional.of("silent: the last " + (emptyPolls == 1 ? "poll" : emptyPolls + " polls") + " parsed"
                    + " to no items although " + itemCount + " were stored before; the feed may have moved or the"
                    + " page layout changed: check url and selectors");
        }
        return Optional.empty();
    }

    public boolean needsAttention() {
        return attention().isPresent();
    }
}
