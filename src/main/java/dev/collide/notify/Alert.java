package dev.collide.notify;

import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.net.URI;
import java.util.List;

/**
 * The content of one outbox message, read from the archive when it is delivered. Every string in it may come from
 * a feed and is untrusted: each notifier escapes it for its medium.
 */
public sealed interface Alert {
    /** The outbox row this alert delivers. */
    long outboxId();

    /** Stable per cause ("history-41", "event-..."); receivers may use it to drop duplicates. */
    String dedupKey();

    /** CREATED, UPDATED or RETRACTED. */
    String change();

    /** The strongest evidence first. */
    List<Link> links();

    URI archiveLink();

    /** A collision was created, updated or retracted; {@code detail} is its history line. */
    record CollisionAlert(long outboxId, String dedupKey, String change, String detail, StoredCollision collision,
                          List<Link> links, URI archiveLink) implements Alert {
        public CollisionAlert {
            links = List.copyOf(links);
        }
    }

    /** A watched lab released something. */
    record EventAlert(long outboxId, String dedupKey, String change, StoredEvent event, List<Link> links,
                      URI archiveLink) implements Alert {
        public EventAlert {
            links = List.copyOf(links);
        }
    }
}
