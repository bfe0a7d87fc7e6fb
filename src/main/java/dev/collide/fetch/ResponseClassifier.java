package dev.collide.fetch;

import static dev.collide.fetch.ConditionalFetcher.DEFAULT_RETRY_AFTER;
import static dev.collide.fetch.ConditionalFetcher.MAX_RETRY_AFTER;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What a final (non-redirect) answer means: 304 and an unchanged body hash are {@link FetchResult.NotModified},
 * 429/503 and GitHub's rate-limit 403 are {@link FetchResult.RateLimited}, 5xx is worth a retry, any other status a
 * failure with advice, and a 2xx body is read under the cap with its validators and caching headers.
 */
final class ResponseClassifier {
    private final Clock clock;
    private final ResponseReader responseReader;

    ResponseClassifier(Clock clock, ResponseReader responseReader) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.responseReader = Objects.requireNonNull(responseReader, "responseReader");
    }

    /** The outcome of {@code response} from {@code url}; {@code previous} is what a 304 keeps. */
    Attempt classify(URI url, Response response, Validators previous) throws IOException {
        int code = response.code();
        if (code == 304) {
            return Attempt.done(new FetchResult.NotModified(previous));
        }
        if (code == 429 || code == 503) {
            Duration fallback = LinkHeaders.rateLimitReset(response.header("RateLimit"))
                    .map(t -> t.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : t).orElse(DEFAULT_RETRY_AFTER);
            return Attempt.done(new FetchResult.RateLimited(responseReader.retryAfter(response.header("Retry-After"),
                    fallback, MAX_RETRY_AFTER)));
        }
        if (code == 403 && (response.header("Retry-After") != null
                || "0".equals(response.header("X-RateLimit-Remaining")))) {
            // GitHub's REST API says "rate limited" with 403: the primary limit by X-RateLimit-Remaining 0 and the
            // reset as epoch seconds, the secondary limit by Retry-After
            return Attempt.done(new FetchResult.RateLimited(responseReader.retryAfter(response.header("Retry-After"),
                    untilReset(response.header("X-RateLimit-Reset")), MAX_RETRY_AFTER)));
        }
        if (code >= 500) {
            return Attempt.retry(FetchResult.Failed.status(code, "HTTP " + code + " from " + url
                    + ": server error; will retry later", true));
        }
        if (code >= 400 || code < 200 || code >= 300) {
            return Attempt.done(FetchResult.Failed.status(code, "HTTP " + code + " from " + url + ": "
                    + adviceFor(code), false));
        }
        ResponseBody body = response.body();
        byte[] bytes = responseReader.readCapped(body.byteStream(), body.contentLength());
        var validators = Validators.of(response.header("ETag"), response.header("Last-Modified"),
                ResponseReader.bodyHash(bytes));
        if (previous.bodyHash().isPresent() && previous.bodyHash().equals(validators.bodyHash())) {
            return Attempt.done(new FetchResult.NotModified(validators));
        }
        String contentType = Objects.requireNonNullElse(response.header("Content-Type"), "");
        return Attempt.done(new FetchResult.Fetched(url, contentType, bytes, validators,
                responseReader.freshFor(response.header("Cache-Control"), response.header("Expires"),
                        response.header("Date")), LinkHeaders.next(url, response.headers("Link"))));
    }

    /** X-RateLimit-Reset (epoch seconds) as a wait from now, at least a second, at most a day. */
    private Duration untilReset(String epochSeconds) {
        try {
            Instant reset = Instant.ofEpochSecond(Long.parseLong(epochSeconds.strip()));
            Duration wait = Duration.between(clock.instant(), reset);
            return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                    : wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
        } catch (RuntimeException e) {
            return DEFAULT_RETRY_AFTER; // absent or not a number
        }
    }

    private static String adviceFor(int code) {
        return switch (code) {
            case 404, 410 -> "feed moved or removed; check the url";
            case 401, 403 -> "the server needs credentials or blocks us; check the url and any token";
            case 400, 405, 406, 414 -> "the server refused the request; check the url";
            default -> code < 400 ? "unexpected status; check the url" : "client error; check the url";
        };
    }
}
