package dev.collide.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

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

    /** Anything else that went wrong: a message for the user, and whether a later retry may help. */
    record Failed(String reason, boolean retryable) implements FetchResult {
        private static final Pattern STATUS = Pattern.compile("^HTTP (\\d{3}) ");

        /**
         * The status the server answered with, when the failure is a status (the fetcher words those reasons
         * "HTTP nnn from URL: ..."); lets a source give advice for its own API (a hub's 404 means a renamed org).
         */
        public OptionalInt httpStatus() {
            var m = STATUS.matcher(reason);
            return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
        }
    }
}
