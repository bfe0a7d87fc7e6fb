package dev.collide.store;

import dev.collide.detect.Evidence;
import dev.collide.detect.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI, the archive server and the notifiers read of the stored events and collisions; detection writes go
 * through {@link EventStore}. Every method reads committed rows on its own connection, so an implementation is
 * safe to share between threads. Each throws {@link StoreException} when the database cannot answer; an unknown
 * id is an empty result, not an exception.
 */
public interface ArchiveReader {
    /** Events matching the query, newest release date first; undated events only when no date filter is set. */
    List<StoredEvent> events(ArchiveQuery q) throws StoreException;

    /** Number of release events per lab, for every lab that has at least one; ordered by lab id. */
    Map<String, Long> eventCountsByLab() throws StoreException;

    Optional<StoredEvent> event(String id) throws StoreException;

    /** The event's evidence with its articles, releases first; empty when the event is unknown. */
    List<StoredEvidence> evidence(String eventId) throws StoreException;

    /**
     * Release evidence that may belong to the event of (lab, family), its own family's and the families it extends:
     * what {@code EventBuilder.explain} needs to say how the event was built.
     */
    List<Evidence> loadReleaseEvidenceAround(String lab, String family) throws StoreException;

    /** Release events first seen in [from, to). */
    List<StoredEvent> eventsFirstSeenBetween(Instant from, Instant to) throws StoreException;

    /** Active collisions (and retracted ones when asked), newest first; dates filter on either side. */
    List<StoredCollision> collisions(ArchiveQuery q, Optional<Tier> tier, boolean includeRetracted)
            throws StoreException;

    /** Active collisions first recorded in [from, to): what a digest of that period reports. */
    List<StoredCollision> collisionsCreatedBetween(Instant from, Instant to) throws StoreException;

    Optional<StoredCollision> collision(String id) throws StoreException;

    /** The collision's changes, oldest first; empty when the collision is unknown. */
    List<HistoryEntry> history(String collisionId) throws StoreException;

    /** Active collisions per pair of labs (labs in alphabetical order), most collisions first. */
    List<Rivalry> rivalries(Optional<String> lab) throws StoreException;
}
