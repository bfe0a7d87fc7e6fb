package dev.collide.store;

import dev.collide.detect.Collision;
import dev.collide.detect.Evidence;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.CoRelease;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The detection store: the evidence detection reads, and the one transaction that writes what it found (events,
 * collisions, their history and the outbox rows they cause). The archive's queries are {@link ArchiveReader}'s.
 * Implementations are safe to share between threads; concurrent detection runs are kept apart by
 * {@link DetectionLock}, not here. Every method throws {@link StoreException} when the database cannot answer.
 */
public interface EventStore {
    /** Every release mention (not mere mentions), with its article's kind, link and fingerprint. */
    List<Evidence> loadReleaseEvidence() throws StoreException;

    /** Release evidence of the given families only. */
    List<Evidence> loadReleaseEvidence(Collection<FamilyKey> families) throws StoreException;

    /** Release families with evidence no detection run has taken into account yet. */
    Set<FamilyKey> undetectedFamilies() throws StoreException;

    /** Stored events dated within [from, to] (without their evidence): the neighbours an incremental run compares. */
    List<ReleaseEvent> eventsDatedBetween(LocalDate from, LocalDate to) throws StoreException;

    /** Stored events of the given families (without evidence). */
    List<ReleaseEvent> eventsOf(Collection<FamilyKey> families) throws StoreException;

    /** Every co-release statement. */
    List<CoRelease> loadCoReleases() throws StoreException;

    /** Co-release statements naming one of the families on either side. */
    List<CoRelease> loadCoReleases(Collection<FamilyKey> families) throws StoreException;

    /** Writes a full detection result; collisions not in {@code collisions} but active in the archive are retracted. */
    DetectionChanges saveDetection(List<ReleaseEvent> events, List<Collision> collisions, Instant now)
            throws StoreException;

    /**
     * Writes a detection result in one transaction. With a {@code scope} (event ids), only collisions touching those
     * events are compared and retracted: an incremental run.
     */
    DetectionChanges saveDetection(List<ReleaseEvent> events, List<Collision> collisions,
                                   Optional<Set<String>> scope, Instant now) throws StoreException;

    /** The detection settings the stored collisions were computed with, if any run recorded them. */
    Optional<String> appliedDetectionSettings() throws StoreException;

    /** Records the settings of a full detection pass (one row, replaced). */
    void recordDetectionSettings(String settings, Instant at) throws StoreException;
}
