package dev.collide.fetch;

import dev.collide.config.HttpConfig;
import java.time.Clock;

/** Temporary stub; the fetch stage replaces it. */
public final class ConditionalFetcher {
    public ConditionalFetcher(HttpConfig config, Clock clock) {
    }
}
