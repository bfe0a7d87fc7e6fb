package dev.collide.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimum gap between the starts of two requests to one host, for hosts that ask for one (arXiv: about 3 s
 * between API calls). Each caller reserves the next free slot and waits until it; thread-safe.
 */
final class HostPacer {
    /** Hosts whose documentation asks for a gap between calls. */
    static final Map<String, Duration> DEFAULTS = Map.of("export.arxiv.org", Duration.ofSeconds(3));

    private final Map<String, Duration> gaps;
    private final Map<String, Instant> nextSlot = new HashMap<>();

    HostPacer(Map<String, Duration> gaps) {
        Map<String, Duration> lower = new HashMap<>();
        gaps.forEach((host, gap) -> lower.put(host.toLowerCase(Locale.ROOT), gap));
        this.gaps = Map.copyOf(lower);
    }

    /** Books the next slot on {@code host} and returns how long to wait for it from {@code now} (zero if none). */
    synchronized Duration reserve(String host, Instant now) {
        String key = host.toLowerCase(Locale.ROOT);
        Duration gap = gaps.get(key);
        if (gap == null) {
            return Duration.ZERO;
        }
        Instant slot = nextSlot.getOrDefault(key, now);
        if (slot.isBefore(now)) {
            slot = now;
        }
        nextSlot.put(key, slot.plus(gap));
        return Duration.between(now, slot);
    }
}
