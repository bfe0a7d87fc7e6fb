package dev.collide.source;

import static java.util.Objects.requireNonNull;

import dev.collide.fetch.Validators;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The outcome of one poll of one source. */
public sealed interface PollResult {
    /**
     * The source was read. {@code articles} may include items already stored (the store de-duplicates);
     * {@code notBefore} is the earliest next poll the server asked for (RSS ttl, Cache-Control max-age, Expires).
     */
    record Items(List<Article> articles, Validators validators, Optional<Duration> notBefore) implements PollResult {
        public Items {
            articles = List.copyOf(articles);
        }
    }

    /** 304, or the same bytes as last time: nothing parsed, nothing stored. */
    record Unchanged(Validators validators, Optional<Duration> notBefore) implements PollResult {}

    /**
     * The source could not be read. {@code reason} is one line for the user, saying what to check; it often quotes
     * the source (a date that did not parse, a parser's message), so it is made one clean line by
     * {@link DisplayText#line} here. {@code retryAfter} is what the server asked for (429/503 Retry-After), if
     * anything.
     */
    record Failed(String reason, boolean retryable, Optional<Duration> retryAfter) implements PollResult {
        public Failed {
            reason = DisplayText.line(requireNonNull(reason, "reason"));
            requireNonNull(retryAfter, "retryAfter");
        }
    }
}
