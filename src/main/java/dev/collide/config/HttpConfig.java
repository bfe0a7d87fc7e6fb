package dev.collide.config;

import java.time.Duration;

/** Limits for every outgoing request. */
public record HttpConfig(Duration connectTimeout, Duration readTimeout, Duration callTimeout, long maxBodyBytes,
                         String userAgent, int maxRetries, Duration retryBaseDelay, int perHostConcurrency,
                         int maxRedirects) {
    public static HttpConfig defaults() {
        return new HttpConfig(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(60),
                10L * 1024 * 1024, "Collide/0.1 (+https://github.com/collide-dev/collide; release-collision detector)",
                2, Duration.ofMillis(500), 2, 5);
    }
}
