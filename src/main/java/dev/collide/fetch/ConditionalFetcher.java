package dev.collide.fetch;

import dev.collide.config.HttpConfig;
import dev.collide.fetch.RedirectFollower.Reach;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import okhttp3.Dns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conditional GET with the limits every outgoing request needs: body cap (counted after gzip), timeouts, manual
 * redirects, retries with exponential backoff, Retry-After, per-host concurrency. Expected outcomes (304, 429, 404,
 * timeouts, broken connections) come back as {@link FetchResult} values; no method throws for anything a server does.
 * Thread-safe: one instance serves all worker threads.
 */
public final class ConditionalFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ConditionalFetcher.class);
    /** What a 429/503 without a usable Retry-After means; one poll interval is a polite guess. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofMinutes(1);
    /** A hostile Retry-After must not park a source for years. */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    /** Waits between retries; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final HttpConfig config;
    private final Sleeper sleeper;
    private final RedirectFollower hops;
    private final FileUrlReader fileReader;

    public ConditionalFetcher(HttpConfig config, Clock clock) {
        this(config, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    ConditionalFetcher(HttpConfig config, Clock clock, Sleeper sleeper) {
        this(config, clock, sleeper, Dns.SYSTEM, AddressPolicy::isInternal);
    }

    /** {@code dns} and {@code internal} let tests put WireMock (on loopback) on the public side. */
    ConditionalFetcher(HttpConfig config, Clock clock, Sleeper sleeper, Dns dns, Predicate<InetAddress> internal) {
        this(config, clock, sleeper, dns, internal, HostPacer.DEFAULTS);
    }

    /** {@code paceGaps}: a minimum gap between two requests to one host (default: 3 s for export.arxiv.org). */
    ConditionalFetcher(HttpConfig config, Clock clock, Sleeper sleeper, Dns dns, Predicate<InetAddress> internal,
                       Map<String, Duration> paceGaps) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (config.maxRedirects() < 0 || config.maxRedirects() > 5) {
            throw new IllegalArgumentException("http.maxRedirects must be 0..5: " + config.maxRedirects());
        }
        var responseReader = new ResponseReader(config.maxBodyBytes(), clock);
        this.hops = new RedirectFollower(config, clock, sleeper, dns, internal, new HostPacer(paceGaps),
                responseReader);
        this.fileReader = new FileUrlReader(responseReader);
    }

    /**
     * Fetches a configured source. {@code previous} supplies If-None-Match / If-Modified-Since and the last body hash
     * ({@link Validators#NONE} on the first poll). {@code file:} URLs are read from disk with the same body cap.
     */
    public FetchResult fetch(URI url, Validators previous) {
        return fetch(url, previous, Map.of());
    }

    /**
     * As {@link #fetch(URI, Validators)}, with extra request headers (e.g. {@code Authorization: Bearer ...} for a
     * hub token). Header values are never logged or put into a result. Credentials ({@code Authorization},
     * {@code Cookie}) are sent to {@code url}'s origin only, never on a redirect hop to another one.
     */
    public FetchResult fetch(URI url, Validators previous, Map<String, String> headers) {
        return fetch(url, previous, headers, false);
    }

    /**
     * As {@link #fetch(URI, Validators, Map)}. A redirect to a private, loopback or link-local address (also in NAT64
     * and 6to4 form) is refused unless {@code allowPrivate} (the source's {@code allowPrivate: true}) or the
     * configured {@code url} itself is such an address (issue 17); the refusal does not name the internal target.
     */
    public FetchResult fetch(URI url, Validators previous, Map<String, String> headers, boolean allowPrivate) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(headers, "headers");
        if ("file".equalsIgnoreCase(url.getScheme())) {
            return fileReader.read(url, previous);
        }
        return fetchWithRetries(url, previous, Map.copyOf(headers),
                allowPrivate ? Reach.ANYWHERE : Reach.PUBLIC_REDIRECTS);
    }

    /**
     * Fetches a link taken from feed content. Only http(s); unless {@code allowPrivate}, every host on the way
     * (each redirect hop) must resolve to public addresses only.
     */
    public FetchResult fetchUntrusted(URI url, boolean allowPrivate) {
        Objects.requireNonNull(url, "url");
        return fetchWithRetries(url, Validators.NONE, Map.of(), allowPrivate ? Reach.ANYWHERE : Reach.PUBLIC);
    }

    private FetchResult fetchWithRetries(URI url, Validators previous, Map<String, String> headers, Reach reach) {
        if (!RedirectFollower.isHttp(url)) {
            return new FetchResult.Failed("refused " + url + ": only http and https URLs are fetched", false);
        }
        for (int attempt = 0; ; attempt++) {
            Attempt outcome = hops.fetch(url, previous, headers, reach);
            if (!outcome.worthRetrying() || attempt >= config.maxRetries()) {
                return outcome.result();
            }
            // exponential backoff: base, 2 x base, 4 x base, ...
            Duration delay = config.retryBaseDelay().multipliedBy(1L << Math.min(attempt, 20));
            LOG.debug("url={} attempt={} failed ({}); retrying in {}", url, attempt + 1,
                    ((FetchResult.Failed) outcome.result()).reason(), delay);
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new FetchResult.Failed("interrupted while waiting to retry " + url, true);
            }
        }
    }

    /** Requests retried on a new connection after a reused one turned out closed (issue 17). */
    long staleConnectionRetries() {
        return hops.staleConnectionRetries();
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
