package dev.collide.store;

import java.util.List;
import java.util.Set;

/**
 * Which outbox rows a detection run writes: one per enabled channel for each collision change, and for each new
 * release event of a watched lab.
 */
public record OutboxPolicy(List<String> channels, Set<String> watchedLabs) {
    public static final OutboxPolicy NONE = new OutboxPolicy(List.of(), Set.of());

    public OutboxPolicy {
        channels = List.copyOf(channels);
        watchedLabs = Set.copyOf(watchedLabs);
    }
}
