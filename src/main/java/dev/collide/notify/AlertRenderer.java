package dev.collide.notify;

import dev.collide.store.HistoryEntry;
import dev.collide.store.ArchiveReader;
import dev.collide.store.StoreException;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import dev.collide.store.StoredEvidence;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds an alert's content from the archive when it is delivered (the outbox row holds only the cause), so a
 * late delivery shows the collision as it stands now, with the history line of the change it announces.
 */
public final class AlertRenderer {
    /** Evidence links per release event in an alert. */
    static final int LINKS_PER_EVENT = 2;

    private final ArchiveReader events;
    private final URI archiveUrl;

    public AlertRenderer(ArchiveReader events, URI archiveUrl) {
        this.events = events;
        this.archiveUrl = archiveUrl;
    }

    /** Empty when the subject is gone from the archive (nothing left to say). */
    public Optional<Alert> render(OutboxEntry entry) throws StoreException {
        return switch (entry.subjectKind()) {
            case "COLLISION" -> renderCollision(entry);
            case "EVENT" -> renderEvent(entry);
            default -> throw new IllegalStateException("outbox row " + entry.id() + " has unknown subject kind "
                    + entry.subjectKind());
        };
    }

    private Optional<Alert> renderCollision(OutboxEntry entry) throws StoreException {
        Optional<StoredCollision> found = events.collision(entry.subjectId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredCollision collision = found.get();
        String detail = "";
        if (entry.dedupKey().startsWith("history-")) {
            long historyId = Long.parseLong(entry.dedupKey().substring("history-".length()));
            detail = events.history(collision.id()).stream().filter(h -> h.id() == historyId)
                    .map(HistoryEntry::detail).findFirst().orElse("");
        }
        List<Link> links = new ArrayList<>(strongestLinks(collision.a().id()));
        links.addAll(strongestLinks(collision.b().id()));
        return Optional.of(new Alert.CollisionAlert(entry.id(), entry.dedupKey(), entry.change(), detail, collision,
                distinct(links), URI.create(archiveUrl + "/collisions/" + collision.id())));
    }

    private Optional<Alert> renderEvent(OutboxEntry entry) throws StoreException {
        Optional<StoredEvent> found = events.event(entry.subjectId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredEvent event = found.get();
        return Optional.of(new Alert.EventAlert(entry.id(), entry.dedupKey(), entry.change(), event,
                strongestLinks(event.id()), URI.create(archiveUrl + "/events/" + event.id())));
    }

    /** Release mentions before mere mentions, then by confidence; one link per URL; http(s) only. */
    List<Link> strongestLinks(String eventId) throws StoreException {
        List<StoredEvidence> evidence = new ArrayList<>(events.evidence(eventId));
        evidence.sort(Comparator.comparing(StoredEvidence::release).reversed()
                .thenComparing(Comparator.comparingDouble(StoredEvidence::confidence).reversed())
                .thenComparingLong(StoredEvidence::mentionId));
        List<Link> links = new ArrayList<>();
        for (StoredEvidence e : evidence) {
            if (e.link().isEmpty()) {
                continue;
            }
            String scheme = e.link().get().getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                continue; // a feed could carry javascript: or mailto: links; never forward them
            }
            links.add(new Link(e.articleTitle(), e.link().get(), e.sourceId()));
        }
        return distinct(links).stream().limit(LINKS_PER_EVENT).toList();
    }

    private static List<Link> distinct(List<Link> links) {
        Set<URI> seen = new HashSet<>();
        return links.stream().filter(l -> seen.add(l.url())).toList();
    }
}
