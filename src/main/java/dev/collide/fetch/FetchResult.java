package dev.collide.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** What one conditional GET gave. Expected outcomes are values, not exceptions. */
public sealed interface FetchResult {
    /**
     * A body was read (at most the configured cap). {@code freshFor} is what the server asked for through
     * Cache-Control max-age or Expires, if anything.
     */
    record Fetched(URI finalUrl, String contentType, byte[] body, Validators validators, Optional<Duration> freshFor)
            implements FetchResult {
        public Fetched {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** 304, or a body whose hash equals the last one seen (a server without validators): nothing to parse. */
    record NotModified(Validators validators) implements FetchResult {}

    /** 429 or 503; {@code retryAfter} from the Retry-After header, or a default. */
    record RateLimited(Duration retryAfter) implements FetchResult {}

    /** Anything else that went wrong: a message for the user, and whether a later retry may help. */
    record Failed(String reason, boolean retryable) implements FetchResult {}
}
