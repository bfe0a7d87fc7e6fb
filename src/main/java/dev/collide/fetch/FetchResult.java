package dev.collide.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** What one conditional GET gave. Expected outcomes are values, not exceptions. */
public sealed interface FetchResult {
    /**
     * A body was read (at most the configured cap). {@code freshFor} is what the server asked for through
     * Cache-Control max-age or Expires, if anything. {@code nextLink} is the RFC 8288 {@code Link: <...>; rel="next"}
     * target resolved against the final URL (Hugging Face and GitHub page their JSON APIs this way).
     */
    record Fetched(URI finalUrl, String contentType, byte[] body, Validators validators, Optional<Duration> freshFor,
                   Optional<URI> nextLink) implements FetchResult {
        public Fetched {
            body = body.clone();
            Objects.requireNonNull(nextLink, "nextLink");
        }

        public Fetched(URI finalUrl, String contentType, byte[] body, Validators validators,
                       Optional<Duration> freshFor) {
            this(finalUrl, contentType, body, validators, freshFor, Optional.empty());
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** 304, or a body whose hash equals the last one seen (a server without validators): nothing to parse. */
    record NotModified(Validators validators) implements FetchResult {}

    /**
     * 429 or 503; {@code retryAfter} from the Retry-After header, else the {@code t=} of the IETF draft
     * {@code RateLimit} header (Hugging Face), else a default.
     */
    record RateLimited(Duration retryAfter) implements FetchResult {}

    /**
     * Anything else that went wrong: a message for the user, whether a later retry may help, and the HTTP status when
     * the failure is one the server answered with (empty for timeouts, refused addresses, files, proxies). The status
     * lets a source give advice for its own API (a hub's 404 means a renamed org) without reading the message.
     */
    record Failed(String reason, boolean retryable, OptionalInt httpStatus) implements FetchResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(httpStatus, "httpStatus");
        }

        /** A failure that is not an HTTP status. */
        public Failed(String reason, boolean retryable) {
            this(reason, retryable, OptionalInt.empty());
        }

        /** The server answered {@code status}. */
        public static Failed status(int status, String reason, boolean retryable) {
            return new Failed(reason, retryable, OptionalInt.of(status));
        }
    }
}
