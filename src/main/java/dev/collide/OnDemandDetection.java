package dev.collide;

import dev.collide.config.DetectionConfig;
import dev.collide.detect.Collision;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.detect.ReleaseEvent;
import dev.collide.detect.Wave;
import dev.collide.detect.WaveDetector;
import dev.collide.store.EventStore;
import dev.collide.store.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Detection on demand over all stored evidence, for queries: the result is printed, never stored (the daemon's
 * detection, which stores, is {@link IncrementalDetector}). Thread-safe.
 */
public final class OnDemandDetection {
    private final EventStore events;
    private final DetectionConfig config;
    private final EventBuilder eventBuilder = new EventBuilder();

    OnDemandDetection(EventStore events, DetectionConfig config) {
        this.events = Objects.requireNonNull(events, "events");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The collisions detection with {@code window} instead of the configured one would find. */
    public List<Collision> collisions(Duration window) throws StoreException {
        List<ReleaseEvent> built = eventBuilder.build(events.loadReleaseEvidence());
        return new CollisionDetector(config.withWindow(window)).detect(built, events.loadCoReleases());
    }

    /** Windows in which three or more labs released (the configured window). */
    public List<Wave> waves() throws StoreException {
        return new WaveDetector(config).detect(eventBuilder.build(events.loadReleaseEvidence()));
    }
}
