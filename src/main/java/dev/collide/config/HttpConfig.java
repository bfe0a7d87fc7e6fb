package dev.collide.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** Limits for every outgoing request, and the proxies they go through ({@link ProxyConfig#DIRECT} for none). */
public record HttpConfig(Duration connectTimeout, Duration readTimeout, Duration callTimeout, long maxBodyBytes,
                         String userAgent, int maxRetries, Duration retryBaseDelay, int perHostConcurrency,
                         int maxRedirects, ProxyConfig proxy) {
    public HttpConfig {
        requireNonNull(proxy, "proxy");
    }

    /** Without proxies. */
    public HttpConfig(Duration connectTimeout, Duration readTimeout, Duration callTimeout, long maxBodyBytes,
                      String userAgent, int maxRetries, Duration retryBaseDelay, int perHostConcurrency,
                      int maxRedirects) {
        this(connectTimeout, readTimeout, callTimeout, maxBodyBytes, userAgent, maxRetries, retryBaseDelay,
                perHostConcurrency, maxRedirects, ProxyConfig.DIRECT);
    }

    public static HttpConfig defaults() {
        return new HttpConfig(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60),
                10L * 1024 * 1024, "Collide/0.1 (+https://github.com/collide-dev/collide; release-collision detector)",
                2, Duration.ofMillis(500), 2, 5);
    }

    public HttpConfig withProxy(ProxyConfig newProxy) {
        return new HttpConfig(connectTimeout, readTimeout, callTimeout, maxBodyBytes, userAgent, maxRetries,
                retryBaseDelay, perHostConcurrency, maxRedirects, newProxy);
    }
}
