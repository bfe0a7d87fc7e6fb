package dev.collide;

import dev.collide.config.SourceConfig;
import dev.collide.config.YamlMap;
import dev.collide.store.SourceHealth;
import java.time.Duration;
import java.util.Optional;

/**
 * Issue #5, adaptive refresh: a source that just brought new items is checked sooner (the interval halves), one
 * that brought nothing new later (it grows by half), always within {@code [minEvery, maxEvery]} (defaults: every/2,
 * at least 1m, and every x 4). The caller still waits at least what the server asked for (ttl, max-age,
 * Retry-After).
 */
final class AdaptiveRefresh {
    static final Duration FLOOR = Duration.ofMinutes(1);

    private AdaptiveRefresh() {
    }

    /** The interval until the next poll after a successful one that stored {@code stored} new items. */
    static Duration next(SourceConfig config, SourceHealth previous, int stored) {
        Duration every = config.every();
        Duration min = bound(config.param("minEvery")).orElse(max(FLOOR, every.dividedBy(2)));
        Duration max = bound(config.param("maxEvery")).orElse(every.multipliedBy(4));
        if (min.compareTo(every) > 0) {
            min = every;
        }
        if (max.compareTo(every) < 0) {
            max = every;
        }
        Duration current = previous.interval().orElse(every);
        Duration next;
        if (previous.fetchCount() == 0) {
            next = every; // the first poll finds everything "new": that says nothing about the source's pace
        } else if (stored > 0) {
            next = current.dividedBy(2);
        } else {
            next = current.plus(current.dividedBy(2));
        }
        return next.compareTo(min) < 0 ? min : next.compareTo(max) > 0 ? max : next;
    }

    private static Optional<Duration> bound(Optional<String> raw) {
        try {
            return raw.map(YamlMap::parseDuration);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
