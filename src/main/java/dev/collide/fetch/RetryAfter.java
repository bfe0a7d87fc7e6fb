package dev.collide.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The one reading of a Retry-After header, for the fetcher and for the notifiers' webhooks (issue 15 item 5). */
public final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * RFC 9110 10.2.3: delay-seconds or an HTTP-date, as a wait from {@code now} (a date already past is no wait).
     * Empty when the header is absent or unreadable, so each caller applies its own default and cap.
     */
    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.matches("\\d{1,12}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
