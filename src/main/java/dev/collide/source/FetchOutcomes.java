package dev.collide.source;

import dev.collide.config.SourceConfig;
import dev.collide.fetch.FetchResult;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The one mapping of fetch outcomes to poll results (issue 15): 304 is {@link PollResult.Unchanged}, 429/503 a
 * retryable failure that carries the server's wait, any other failure the fetcher's reason, and a body goes to the
 * source kind's reader. A kind adds only its own words, through {@link Advice}.
 */
public final class FetchOutcomes {
    /**
     * What a kind adds to a failure: {@code whenRateLimited} is appended to the rate-limit line (e.g. "a token raises
     * the limit"); {@code whenStatus} may replace the reason of an HTTP status the kind's API gives a meaning (a hub's
     * 404 is a renamed org), returning the text after "source ID: "; such a failure is not retried.
     */
    public record Advice(String whenRateLimited, IntFunction<Optional<String>> whenStatus) {
        public static final Advice NONE = new Advice("", status -> Optional.empty());

        public static Advice status(IntFunction<Optional<String>> whenStatus) {
            return new Advice("", whenStatus);
        }
    }

    private FetchOutcomes() {
    }

    /** The poll's result: the mapped outcome of {@code fetched} from {@code url}, or what {@code read} makes of it. */
    public static PollResult poll(SourceConfig config, URI url, FetchResult fetched, Advice advice,
                           Function<FetchResult.Fetched, PollResult> read) {
        return ending(config, url, fetched, advice).orElseGet(() -> read.apply((FetchResult.Fetched) fetched));
    }

    /** The result that ends the poll, or empty when {@code fetched} is a body to read. */
    public static Optional<PollResult> ending(SourceConfig config, URI url, FetchResult fetched, Advice advice) {
        if (fetched instanceof FetchResult.NotModified notModified) {
            return Optional.of(new PollResult.Unchanged(notModified.validators(), Optional.empty()));
        }
        if (fetched instanceof FetchResult.RateLimited limited) {
            return Optional.of(new PollResult.Failed("source " + config.id() + ": rate limited by " + url.getHost()
                    + "; retry after " + limited.retryAfter().toSeconds() + " s" + advice.whenRateLimited(), true,
                    Optional.of(limited.retryAfter())));
        }
        if (fetched instanceof FetchResult.Failed failed) {
            Optional<String> own = failed.httpStatus().isPresent()
                    ? advice.whenStatus().apply(failed.httpStatus().getAsInt()) : Optional.empty();
            return Optional.of(own.map(reason -> new PollResult.Failed("source " + config.id() + ": " + reason, false,
                            Optional.empty()))
                    .orElseGet(() -> new PollResult.Failed("source " + config.id() + ": " + failed.reason(),
                            failed.retryable(), Optional.empty())));
        }
        return Optional.empty();
    }
}
