package dev.collide;

import dev.collide.StageTimes.Stage;
import dev.collide.detect.Collision;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.detect.Evidence;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.CoRelease;
import dev.collide.store.DetectionChanges;
import dev.collide.store.DetectionLock;
import dev.collide.store.FamilyKey;
import dev.collide.store.EventStore;
import dev.collide.store.StoreException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The detection half of the pipeline: events and collisions rebuilt from the stored evidence, incrementally (only
 * the families with new evidence) or in full. Thread-safe: one run at a time in this process, and across the nodes
 * of a PostgreSQL cluster.
 */
public final class IncrementalDetector {
    private final EventStore events;
    private final EventBuilder eventBuilder;
    private final CollisionDetector detector;
    private final DetectionLock clusterLock;
    private final Clock clock;
    private final StageTimes stages;
    private final Object detectionLock = new Object();

    /** {@code stages} is charged with the time of {@link #detect()}. */
    public IncrementalDetector(EventStore events, EventBuilder eventBuilder, CollisionDetector detector,
                               DetectionLock clusterLock, Clock clock, StageTimes stages) {
        this.events = events;
        this.eventBuilder = eventBuilder;
        this.detector = detector;
        this.clusterLock = clusterLock;
        this.clock = clock;
        this.stages = stages;
    }

    /**
     * Rebuilds every event and collision from all stored evidence (after a change of window or rules). One run at
     * a time in this process, and across the nodes of a PostgreSQL cluster.
     */
    @SuppressWarnings("try") // the lock is held for the body, not used in it
    public DetectionReport detectAll() throws StoreException {
        synchronized (detectionLock) {
            try (DetectionLock.Held held = clusterLock.acquire()) {
                return detectEverything();
            }
        }
    }

    /** Work on the stored evidence that a full detection must follow, with no other detection in between. */
    @FunctionalInterface
    public interface EvidenceWork {
        void run() throws StoreException;
    }

    /**
     * Runs {@code work} (re-reading the archive), then rebuilds everything, under the locks of {@link #detectAll}:
     * no detection of this process or another node sees the evidence half replaced.
     */
    @SuppressWarnings("try") // the lock is held for the body, not used in it
    public DetectionReport detectAllAfter(EvidenceWork work) throws StoreException {
        synchronized (detectionLock) {
            try (DetectionLock.Held held = clusterLock.acquire()) {
                work.run();
                return detectEverything();
            }
        }
    }

    /**
     * Incremental detection: only the families with new evidence are rebuilt, and compared with the stored events
     * dated near them (and with the other side of any co-release statement). Collisions of other events are left
     * as they are.
     */
    @SuppressWarnings("try") // the lock is held for the body, not used in it
    public DetectionReport detect() throws StoreException {
        synchronized (detectionLock) {
            try (DetectionLock.Held held = clusterLock.acquire()) {
                StageTimes.Mark mark = StageTimes.mark();
                try {
                    return detectNewEvidence();
                } finally {
                    stages.charge(Stage.DETECT, mark);
                }
            }
        }
    }

    private DetectionReport detectNewEvidence() throws StoreException {
        Set<FamilyKey> families = events.undetectedFamilies();
        if (families.isEmpty()) {
            return new DetectionReport(0, 0, 0, 0, 0, 0, 0);
        }
        List<Evidence> evidence = events.loadReleaseEvidence(families);
        List<ReleaseEvent> rebuilt = eventBuilder.build(evidence);
        Set<String> scope = new HashSet<>();
        rebuilt.forEach(e -> scope.add(e.id()));
        Map<String, ReleaseEvent> candidates = new LinkedHashMap<>();
        for (ReleaseEvent neighbour : neighbours(rebuilt)) {
            candidates.put(neighbour.id(), neighbour);
        }
        List<CoRelease> coReleases = events.loadCoReleases(families);
        Set<FamilyKey> otherSides = new HashSet<>();
        for (CoRelease co : coReleases) {
            otherSides.add(new FamilyKey(co.labA(), co.familyA()));
            otherSides.add(new FamilyKey(co.labB(), co.familyB()));
        }
        otherSides.removeAll(families);
        events.eventsOf(otherSides).forEach(e -> candidates.put(e.id(), e));
        rebuilt.forEach(e -> candidates.put(e.id(), e)); // the new version wins over the stored one
        List<Collision> collisions = new ArrayList<>();
        for (Collision c : detector.detect(new ArrayList<>(candidates.values()), coReleases)) {
            if (scope.contains(c.a().id()) || scope.contains(c.b().id())) {
                collisions.add(c);
            }
        }
        DetectionChanges changes = events.saveDetection(rebuilt, collisions, Optional.of(scope),
                clock.instant());
        return new DetectionReport(evidence.size(), rebuilt.size(), collisions.size(), changes.newEvents(),
                changes.count("CREATED"), changes.count("UPDATED"), changes.count("RETRACTED"));
    }

    /**
     * At start-up: a full pass when the detection settings differ from those the stored collisions were computed
     * with (or none were recorded), else only the new evidence. A full pass reads every piece of evidence, so a
     * restart with unchanged settings avoids it.
     */
    @SuppressWarnings("try") // the lock is held for the body, not used in it
    public DetectionReport detectOnStart() throws StoreException {
        synchronized (detectionLock) {
            try (DetectionLock.Held held = clusterLock.acquire()) {
                boolean unchanged = events.appliedDetectionSettings().filter(detector.settings()::equals).isPresent();
                return unchanged ? detectNewEvidence() : detectEverything();
            }
        }
    }

    private DetectionReport detectEverything() throws StoreException {
        List<Evidence> evidence = events.loadReleaseEvidence();
        List<ReleaseEvent> built = eventBuilder.build(evidence);
        List<Collision> collisions = detector.detect(built, events.loadCoReleases());
        DetectionChanges changes = events.saveDetection(built, collisions, clock.instant());
        events.recordDetectionSettings(detector.settings(), clock.instant());
        return new DetectionReport(evidence.size(), built.size(), collisions.size(), changes.newEvents(),
                changes.count("CREATED"), changes.count("UPDATED"), changes.count("RETRACTED"));
    }

    /** Stored events dated within a window (plus a month of slack for week/month precision) of a rebuilt event. */
    private List<ReleaseEvent> neighbours(List<ReleaseEvent> rebuilt) throws StoreException {
        long reach = detector.windowDays() + 31;
        List<long[]> ranges = new ArrayList<>();
        for (ReleaseEvent e : rebuilt) {
            e.date().ifPresent(d -> ranges.add(new long[] {d.earliest().toEpochDay() - reach,
                    d.latest().toEpochDay() + reach}));
        }
        ranges.sort((x, y) -> Long.compare(x[0], y[0]));
        List<ReleaseEvent> result = new ArrayList<>();
        long[] current = null;
        for (long[] r : ranges) {
            if (current != null && r[0] <= current[1] + 1) {
                current[1] = Math.max(current[1], r[1]);
                continue;
            }
            if (current != null) {
                result.addAll(events.eventsDatedBetween(LocalDate.ofEpochDay(current[0]),
                        LocalDate.ofEpochDay(current[1])));
            }
            current = r.clone();
        }
        if (current != null) {
            result.addAll(events.eventsDatedBetween(LocalDate.ofEpochDay(current[0]),
                    LocalDate.ofEpochDay(current[1])));
        }
        return result;
    }
}
