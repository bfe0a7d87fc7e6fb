package dev.collide.fetch;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * At most N requests in flight per host, across all worker threads, so that many sources on one host (GitHub, a
 * hub) do not hammer it. Fair semaphores: a waiting worker is not overtaken forever.
 */
final class HostLimiter {
    private final int perHost;
    private final ConcurrentMap<String, Semaphore> permits = new ConcurrentHashMap<>();

    HostLimiter(int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("http.perHostConcurrency must be at least 1: " + perHost);
        }
        this.perHost = perHost;
    }

    void acquire(String host) throws InterruptedException {
        semaphore(host).acquire();
    }

    void release(String host) {
        semaphore(host).release();
    }

    int available(String host) {
        return semaphore(host).availablePermits();
    }

    private Semaphore semaphore(String host) {
        return permits.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new Semaphore(perHost, true));
    }
}
