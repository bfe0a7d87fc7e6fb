package dev.collide.fetch;

import dev.collide.config.HttpConfig;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
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
    private final Clock clock;
    private final Sleeper sleeper;
    private final OkHttpClient trustedClient;
    private final OkHttpClient untrustedClient;
    private final HostLimiter hostLimiter;
    private final HostPacer hostPacer;
    private final ResponseReader responseReader;
    private final Predicate<InetAddress> internal;
    private final Dns dns;
    private final StaleConnectionRetry staleRetry = new StaleConnectionRetry();
    private final FileUrlReader fileReader;
    private final ProxyRoutes proxies;
    private final AddressPolicy guard;

    /** Which hops must resolve to public addresses only. */
    private enum Reach {
        /** A configured source with {@code allowPrivate: true}: anywhere. */
        ANYWHERE,
        /** A configured source: its own URL anywhere; a redirect hop public only, unless that URL is internal. */
        PUBLIC_REDIRECTS,
        /** A link from feed content: every hop public. */
        PUBLIC
    }

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
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (config.maxRedirects() < 0 || config.maxRedirects() > 5) {
            throw new IllegalArgumentException("http.maxRedirects must be 0..5: " + config.maxRedirects());
        }
        this.proxies = new ProxyRoutes(config.proxy());
        this.trustedClient = staleRetry.installOn(new OkHttpClient.Builder())
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(config.callTimeout())
                // redirects are followed here, so that each hop is counted and checked (scheme, loop, address)
                .followRedirects(false)
                .followSslRedirects(false)
                // our own retry loop counts attempts, and StaleConnectionRetry the retries on a new connection;
                // OkHttp's silent retry would hide some of them
                .retryOnConnectionFailure(false)
                // OkHttp keeps 5 idle connections by default: with hundreds of workers nearly every request would
                // open a new one; keep-alive to the hosts polled in the last minutes saves the handshakes
                .connectionPool(new ConnectionPool(1024, 5, TimeUnit.MINUTES))
                // issue #16: http.proxy / HTTPS_PROXY / a source's proxy:, and Basic credentials for a 407
                .proxySelector(proxies)
                .proxyAuthenticator(proxies)
                .dns(dns)
                .build();
        this.internal = internal;
        this.dns = dns;
        this.guard = new AddressPolicy(dns, internal);
        this.untrustedClient = trustedClient.newBuilder().dns(proxies.exemptingProxies(guard, dns)).build();
        this.hostLimiter = new HostLimiter(config.perHostConcurrency());
        this.hostPacer = new HostPacer(paceGaps);
        this.responseReader = new ResponseReader(config.maxBodyBytes(), clock);
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
        if (!isHttp(url)) {
            return new FetchResult.Failed("refused " + url + ": only http and https URLs are fetched", false);
        }
        for (int attempt = 0; ; attempt++) {
            Attempt outcome = fetchOnce(url, previous, headers, reach);
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

    /** One result, and whether the retry loop may try again (5xx other than 503, broken connection, timeout). */
    private record Attempt(FetchResult result, boolean worthRetrying) {
        static Attempt done(FetchResult result) {
            return new Attempt(result, false);
        }

        static Attempt retry(String reason) {
            return retry(new FetchResult.Failed(reason, true));
        }

        static Attempt retry(FetchResult.Failed failure) {
            return new Attempt(failure, true);
        }
    }

    private Attempt fetchOnce(URI start, Validators previous, Map<String, String> headers, Reach reach) {
        Set<URI> seen = new HashSet<>();
        seen.add(start.normalize());
        URI current = start;
        URI redirectedFrom = null;
        boolean publicRedirects = reach == Reach.PUBLIC_REDIRECTS;
        for (int hop = 0; ; hop++) {
            if (hop == 1 && publicRedirects && isInternalHost(start)) {
                publicRedirects = false; // a source configured on an internal host may redirect within it
            }
            boolean publicOnly = reach == Reach.PUBLIC || (publicRedirects && hop > 0);
            OkHttpClient client = publicOnly ? untrustedClient : trustedClient;
            if (publicOnly) {
                Optional<String> refusal = AddressPolicy.refuseInternalLiteral(current, internal);
                if (refusal.isPresent()) {
                    return Attempt.done(new FetchResult.Failed(reach == Reach.PUBLIC ? refusal.get()
                            : privateRedirect(redirectedFrom), false));
                }
            }
            HttpUrl httpUrl = HttpUrl.parse(current.toString());
            if (httpUrl == null) {
                return Attempt.done(new FetchResult.Failed("cannot request " + current + ": not a valid http(s) URL",
                        false));
            }
            Request request;
            try {
                // a token is for the host it was configured for, not for wherever a redirect points
                request = buildRequest(httpUrl, previous, CredentialScope.forTarget(headers, start, current));
            } catch (IllegalArgumentException e) {
                // OkHttp's message may quote the header value, which can be a token: name the header only
                return Attempt.done(new FetchResult.Failed("cannot request " + current + ": a request header "
                        + headers.keySet() + " or a stored validator has a character HTTP does not allow", false));
            }
            String host = request.url().host();
            try {
                Duration wait = hostPacer.reserve(host, clock.instant());
                if (!wait.isZero()) {
                    sleeper.sleep(wait);
                }
                hostLimiter.acquire(host);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Attempt.done(new FetchResult.Failed("interrupted while waiting for a slot on " + host, true));
            }
            try (Response response = send(client, request, current, publicOnly)) {
                if (!isRedirect(response.code())) {
                    return handle(current, response, previous);
                }
                String location = response.header("Location");
                if (location == null || location.isBlank()) {
                    return Attempt.done(FetchResult.Failed.status(response.code(), "HTTP " + response.code()
                            + " from " + current + " without a Location header; check the url", false));
                }
                URI next;
                try {
                    next = current.resolve(new URI(location.strip()));
                } catch (URISyntaxException e) {
                    return Attempt.done(new FetchResult.Failed("redirect from " + current + " to an invalid URL: "
                            + e.getMessage(), false));
                }
                if (!isHttp(next)) {
                    return Attempt.done(new FetchResult.Failed("redirect from " + current + " to " + next.getScheme()
                            + ": refused; only http and https redirects are followed", false));
                }
                if (!seen.add(next.normalize())) {
                    return Attempt.done(new FetchResult.Failed("redirect loop: " + current + " leads back to " + next
                            + "; check the url", false));
                }
                if (hop + 1 > config.maxRedirects()) {
                    return Attempt.done(new FetchResult.Failed("more than " + config.maxRedirects()
                            + " redirects starting at " + start + "; use the final url in the source", false));
                }
                redirectedFrom = current;
                current = next;
            } catch (ProxyRoutes.ProxyFailureException e) {
                return Attempt.done(new FetchResult.Failed(e.getMessage(), true));
            } catch (UnknownHostException e) {
                // AddressPolicy refuses through this exception; an unknown host is also not worth an instant retry
                boolean refused = e instanceof AddressPolicy.RefusedAddressException;
                if (refused && reach == Reach.PUBLIC_REDIRECTS) {
                    return Attempt.done(new FetchResult.Failed(privateRedirect(redirectedFrom), false));
                }
                return Attempt.done(new FetchResult.Failed(refused ? e.getMessage()
                        : "unknown host " + host + " for " + current + "; check the url", !refused));
            } catch (SSLException e) {
                // a certificate problem does not go away in the next few hundred milliseconds
                return Attempt.done(new FetchResult.Failed("TLS error with " + host + ": " + describe(e)
                        + "; check the url and the server's certificate", true));
            } catch (InterruptedIOException e) {
                return Attempt.retry("timed out fetching " + current + " (" + e.getMessage() + ")");
            } catch (ResponseReader.BodyTooLargeException e) {
                return Attempt.done(new FetchResult.Failed(e.getMessage() + " from " + current, false));
            } catch (IOException e) {
                return Attempt.retry("I/O error fetching " + current + ": " + describe(e));
            } finally {
                hostLimiter.release(host);
            }
        }
    }

    /**
     * Sends one request. Through a proxy, a feed-supplied target is checked here first (the proxy, not OkHttp's
     * guarded Dns, would resolve it), and the proxy's own failures (refused, 407) become a ProxyFailureException.
     */
    private Response send(OkHttpClient client, Request request, URI url, boolean publicOnly) throws IOException {
        if (publicOnly && !proxies.isDirect()) {
            proxies.checkTarget(url, guard);
        }
        Response response;
        try {
            response = client.newCall(request).execute();
        } catch (IOException e) {
            Optional<String> failure = proxies.proxyFailure(url, e);
            if (failure.isPresent()) {
                throw new ProxyRoutes.ProxyFailureException(failure.get(), e);
            }
            throw e;
        }
        Optional<String> failure = proxies.proxyFailure(url, response.code(),
                response.request().header("Proxy-Authorization") != null);
        if (failure.isPresent()) {
            response.close();
            throw new ProxyRoutes.ProxyFailureException(failure.get(), null);
        }
        return response;
    }

    /** Names the public URL that redirected, never the internal target (it would show in last_error). */
    private static String privateRedirect(URI from) {
        return "redirect from " + from + " to a private, loopback or link-local address refused; if the source is"
                + " meant to reach it, set `allowPrivate: true` on the source";
    }

    /** Whether the configured URL's host is, or resolves to, an internal address (then its redirects may be too). */
    private boolean isInternalHost(URI url) {
        String host = url.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            if (bare.contains(":") || bare.matches("[0-9.]+")) {
                return internal.test(InetAddress.getByName(bare)); // a literal: no lookup
            }
            return dns.lookup(bare).stream().anyMatch(internal);
        } catch (UnknownHostException e) {
            return false; // the request itself would have failed; treat the source as public
        }
    }

    /** Requests retried on a new connection after a reused one turned out closed (issue 17). */
    long staleConnectionRetries() {
        return staleRetry.retries();
    }

    private Request buildRequest(HttpUrl httpUrl, Validators previous, Map<String, String> headers) {
        var builder = new Request.Builder().url(httpUrl).get().header("User-Agent", config.userAgent());
        // RFC 9110 13.1.3: a server that knows the ETag uses If-None-Match and ignores If-Modified-Since;
        // sending both still lets a server that keeps only Last-Modified answer 304
        previous.etag().ifPresent(etag -> builder.header("If-None-Match", etag));
        previous.lastModified().ifPresent(date -> builder.header("If-Modified-Since", date));
        headers.forEach(builder::header);
        return builder.build();
    }

    private Attempt handle(URI url, Response response, Validators previous) throws IOException {
        int code = response.code();
        if (code == 304) {
            return Attempt.done(new FetchResult.NotModified(previous));
        }
        if (code == 429 || code == 503) {
            Duration fallback = LinkHeaders.rateLimitReset(response.header("RateLimit"))
                    .map(t -> t.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : t).orElse(DEFAULT_RETRY_AFTER);
            return Attempt.done(new FetchResult.RateLimited(
                    responseReader.retryAfter(response.header("Retry-After"), fallback, MAX_RETRY_AFTER)));
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
                ResponseReader.sha256(bytes));
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

    private static boolean isHttp(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || url.getHost() == null) {
            return false;
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https");
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
