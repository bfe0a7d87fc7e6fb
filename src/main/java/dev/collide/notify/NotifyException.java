package dev.collide.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * A receiver did not accept an alert. {@code retryable}: try again later (after {@code retryAfter} when the receiver
 * said so, e.g. Slack's 429); otherwise the message is refused for good (revoked webhook, bad payload).
 */
public final class NotifyException extends Exception {
    private final boolean retryable;
    private final transient Optional<Duration> retryAfter;

    private NotifyException(String message, boolean retryable, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static NotifyException retryable(String message, Throwable cause) {
        return new NotifyException(message, true, Optional.empty(), cause);
    }

    public static NotifyException rateLimited(String message, Duration retryAfter) {
        return new NotifyException(message, true, Optional.of(retryAfter), null);
    }

    public static NotifyException permanent(String message) {
        return new NotifyException(message, false, Optional.empty(), null);
    }

    public boolean isRetryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
