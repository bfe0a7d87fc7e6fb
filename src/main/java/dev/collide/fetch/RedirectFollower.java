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
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One attempt of {@link ConditionalFetcher}: the request and each redirect hop, followed here rather than by OkHttp
 * so that every hop is counted and checked (scheme, loop, private address), paced and limited per host. The final
 * answer goes to {@link ResponseClassifier}. Thread-safe: one instance serves all worker threads.
 */
final class RedirectFollower {
    static final int SHARDS = 16;
    /** Idle connections kept per shard: 2,048 in all, a few thousand hosts' worth of keep-alive. */
    private static final int IDLE_CONNECTIONS_PER_SHARD = 128;

    /** Which hops must resolve to public addresses only. */
    enum Reach {
        /** A configured source with {@code allowPrivate: true}: anywhere. */
        ANYWHERE,
        /** A configured source: its own URL anywhere; a redirect hop public only, unless that URL is internal. */
        PUBLIC_REDIRECTS,
        /** A link from feed content: every hop public. */
        PUBLIC
    }

    private final HttpConfig config;
    private final Clock clock;
    private final ConditionalFetcher.Sleeper sleeper;
    /**
     * The clients by {@link #shard} of the host: each shard has its own connection pool and dispatcher. With one
     * pool of 800 kept-alive connections and one dispatcher, 512 workers spent most of a warm 10,000-feed run
     * blocked on their locks (JFR: taking a pooled connection scans and locks every connection of the pool; each
     * finished call walks the dispatcher's list of running calls under its lock). A host always maps to the same
     * shard, so its connections are reused as before.
     */
    private final OkHttpClient[] trustedClients = new OkHttpClient[SHARDS];
    private final OkHttpClient[] untrustedClients = new OkHttpClient[SHARDS];
    private final HostLimiter hostLimiter;
    private final HostPacer hostPacer;
    private final ResponseClassifier classifier;
    private final Predicate<InetAddress> internal;
    private final Dns dns;
    private final StaleConnectionRetry staleRetry = new StaleConnectionRetry();
    private final ProxyRoutes proxies;
    private final AddressPolicy guard;

    RedirectFollower(HttpConfig config, Clock clock, ConditionalFetcher.Sleeper sleeper, Dns dns,
                     Predicate<InetAddress> internal, HostPacer hostPacer, ResponseReader responseReader) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.proxies = new ProxyRoutes(config.proxy());
        OkHttpClient base = staleRetry.installOn(new OkHttpClient.Builder())
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
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS_PER_SHARD, 5, TimeUnit.MINUTES))
                // issue #16: http.proxy / HTTPS_PROXY / a source's proxy:, and Basic credentials for a 407
                .proxySelector(proxies)
                .proxyAuthenticator(proxies)
                .dns(dns)
                .build();
        this.internal = internal;
        this.dns = dns;
        this.guard = new AddressPolicy(dns, internal);
        Dns guarded = proxies.exemptingProxies(guard, dns);
        for (int i = 0; i < SHARDS; i++) {
            trustedClients[i] = i == 0 ? base : base.newBuilder()
                    .connectionPool(new ConnectionPool(IDLE_CONNECTIONS_PER_SHARD, 5, TimeUnit.MINUTES))
                    .dispatcher(new Dispatcher())
                    .build();
            untrustedClients[i] = trustedClients[i].newBuilder().dns(guarded).build();
        }
        this.hostLimiter = new HostLimiter(config.perHostConcurrency());
        this.hostPacer = Objects.requireNonNull(hostPacer, "hostPacer");
        this.classifier = new ResponseClassifier(clock, responseReader);
    }

    /**
     * One attempt at {@code start}: each hop is checked (scheme, loop, count, and for {@code reach} the address it
     * resolves to), paced and limited per host; credentials go to {@code start}'s origin only.
     */
    Attempt fetch(URI start, Validators previous, Map<String, String> headers, Reach reach) {
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
            OkHttpClient client = (publicOnly ? untrustedClients : trustedClients)[shard(current.getHost())];
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
                    return classifier.classify(current, response, previous);
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
                return Attempt.done(new FetchResult.Failed("TLS error with " + host + ": "
                        + ConditionalFetcher.describe(e) + "; check the url and the server's certificate", true));
            } catch (InterruptedIOException e) {
                return Attempt.retry("timed out fetching " + current + " (" + e.getMessage() + ")");
            } catch (ResponseReader.BodyTooLargeException e) {
                return Attempt.done(new FetchResult.Failed(e.getMessage() + " from " + current, false));
            } catch (IOException e) {
                return Attempt.retry("I/O error fetching " + current + ": " + ConditionalFetcher.describe(e));
            } finally {
                hostLimiter.release(host);
            }
        }
    }

    /** The client shard of a host (a null host, in a URL OkHttp will refuse, goes to the first). */
    static int shard(String host) {
        return host == null ? 0 : Math.floorMod(host.toLowerCase(java.util.Locale.ROOT).hashCode(), SHARDS);
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

    static boolean isHttp(URI url) {
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
}
