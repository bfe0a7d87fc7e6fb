package dev.collide;

import dev.collide.StageTimes.Stage;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.detect.Collision;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.detect.Evidence;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.CoRelease;
import dev.collide.extract.Extraction;
import dev.collide.extract.Extractor;
import dev.collide.source.Article;
import dev.collide.source.PollResult;
import dev.collide.source.Source;
import dev.collide.source.SourceState;
import dev.collide.store.ArchiveWriter;
import dev.collide.store.DetectionChanges;
import dev.collide.store.DetectionLock;
import dev.collide.store.EventStore;
import dev.collide.store.FamilyKey;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.SaveOutcome;
import dev.collide.store.SourceHealth;
import dev.collide.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages joined: poll a source, extract from each new article, store it; detect over the stored evidence.
 * Thread-safe: many sources may be polled at once; detection runs one at a time.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** A failing source is retried later and later, but at least once a day. */
    static final Duration MAX_BACKOFF = Duration.ofHours(24);

    private final Map<SourceKind, Source> sources;
    private final Extractor extractor;
    private final ToLongFunction<Article> fingerprint;
    private final JdbcArticleStore articles;
    private final JdbcSourceStateStore states;
    private final EventStore events;
    private final EventBuilder eventBuilder;
    private final CollisionDetector detector;
    private final DetectionLock clusterLock;
    private final Clock clock;
    private final Object detectionLock = new Object();
    private final StageTimes stages = new StageTimes();
    private final ArchiveWriter writer;

    public Pipeline(Map<SourceKind, Source> sources, Extractor extractor, ToLongFunction<Article> fingerprint,
                    JdbcArticleStore articles, JdbcSourceStateStore states, EventStore events,
                    EventBuilder eventBuilder, CollisionDetector detector, DetectionLock clusterLock, Clock clock) {
        this.sources = Map.copyOf(sources);
        this.extractor = extractor;
        this.fingerprint = fingerprint;
        this.articles = articles;
        this.states = states;
        this.events = events;
        this.eventBuilder = eventBuilder;
        this.detector = detector;
        this.clusterLock = clusterLock;
        this.clock = clock;
        this.writer = articles.newWriter();
    }

    /** Stops the archive writer after what is queued; the stores stay open (they belong to the caller). */
    @Override
    public void close() {
        writer.close();
    }

    /**
     * Polls the source if its back-off and the server's wishes (Retry-After, ttl, max-age) allow it now; empty when
     * it is not due yet.
     */
    public Optional<SourceReport> pollIfDue(SourceConfig config) {
        try {
            if (!states.find(config.id()).isDue(clock.instant())) {
                return Optional.empty();
            }
        } catch (StoreException e) {
            LOG.error("source={} cannot read its state: {}", config.id(), e.getMessage());
            return Optional.empty();
        }
        return Optional.of(poll(config));
    }

    /** Polls one source now, stores what is new and records the source's health. Never throws. */
    public SourceReport poll(SourceConfig config) {
        Instant now = clock.instant();
        SourceHealth health;
        try {
            health = states.find(config.id());
        } catch (StoreException e) {
            LOG.error("source={} cannot read its state: {}", config.id(), e.getMessage());
            return new SourceReport(config.id(), "failed", 0, 0, Optional.of(e.getMessage()), Optional.empty());
        }
        Source source = sources.get(config.kind());
        PollResult result;
        if (source == null) {
            result = new PollResult.Failed("source kind '" + config.kind().yamlName() + "' is not supported by this"
                    + " version of Collide", false, Optional.empty());
        } else {
            StageTimes.Mark mark = StageTimes.mark();
            try {
                result = source.poll(config, new SourceState(health.validators(), health.lastSuccessAt(),
                        health.errorCount()));
            } catch (RuntimeException | StackOverflowError e) {
                // the boundary of one source: a bug met on one source must not stop the run for the others (a
                // stack overflow in a library's recursion included: issue 17 item 4)
                LOG.error("source={} kind={} url={} params={} poll failed unexpectedly", config.id(),
                        config.kind().yamlName(), config.url(), config.params().keySet(), e);
                result = new PollResult.Failed("source " + config.id() + ": internal error (" + e
                        + "); see the log; it will be retried", true, Optional.empty());
            }
            stages.charge(Stage.POLL, mark);
        }
        return record(config, health, result, now);
    }

    private SourceReport record(SourceConfig config, SourceHealth h, PollResult result, Instant now) {
        if (result instanceof PollResult.Items items) {
            List<JdbcArticleStore.NewArticle> fresh;
            try {
                fresh = unknownAndExtracted(items.articles());
            } catch (StoreException e) {
                return storeFailed(config, h, items, now, e);
            }
            // the outcomes of the inserts, counted in the writer's transaction, make the state saved with them
            int[] counts = new int[2];
            Function<List<SaveOutcome>, SourceHealth> health = outcomes -> {
                counts[0] = count(outcomes, SaveOutcome.Stored.class);
                counts[1] = count(outcomes, SaveOutcome.SameLink.class);
                return itemsRead(config, h, items, counts[0], now);
            };
            StageTimes.Mark mark = StageTimes.mark();
            try {
                writer.write(fresh, now, health);
            } catch (StoreException e) {
                return storeFailed(config, h, items, now, e);
            } finally {
                stages.charge(Stage.STORE, mark);
            }
            SourceHealth next = itemsRead(config, h, items, counts[0], now);
            return new SourceReport(config.id(), "ok", items.articles().size(), counts[0], counts[1],
                    Optional.empty(), next.nextFetchAt());
        }
        SourceHealth next;
        SourceReport report;
        if (result instanceof PollResult.Unchanged unchanged) {
            Duration interval = AdaptiveRefresh.next(config, h, 0);
            Instant nextFetch = now.plus(max(interval, unchanged.notBefore().orElse(Duration.ZERO)));
            next = new SourceHealth(config.id(), unchanged.validators(), Optional.of(now), Optional.of(now),
                    h.lastItemsAt(), "unchanged", Optional.empty(), 0, Optional.of(nextFetch),
                    h.fetchCount() + 1, h.notModifiedCount() + 1, h.itemCount(), h.emptyPolls(),
                    Optional.of(interval));
            report = new SourceReport(config.id(), "unchanged", 0, 0, Optional.empty(), next.nextFetchAt());
        } else {
            PollResult.Failed failed = (PollResult.Failed) result;
            LOG.warn("source={} failed: {}", config.id(), failed.reason());
            next = failed(config, h, now, failed.reason(), failed.retryAfter());
            report = new SourceReport(config.id(), failed.retryAfter().isPresent() ? "rate-limited" : "failed",
                    0, 0, Optional.of(failed.reason()), next.nextFetchAt());
        }
        save(next, now);
        return report;
    }

    /** The state after a poll that read items, {@code stored} of them new. */
    private static SourceHealth itemsRead(SourceConfig config, SourceHealth h, PollResult.Items items, int stored,
                                          Instant now) {
        Duration interval = AdaptiveRefresh.next(config, h, stored);
        Instant nextFetch = now.plus(max(interval, items.notBefore().orElse(Duration.ZERO)));
        return new SourceHealth(config.id(), items.validators(), Optional.of(now), Optional.of(now),
                items.articles().isEmpty() ? h.lastItemsAt() : Optional.of(now), "ok", Optional.empty(), 0,
                Optional.of(nextFetch), h.fetchCount() + 1, h.notModifiedCount(), h.itemCount() + stored,
                items.articles().isEmpty() ? h.emptyPolls() + 1 : 0, Optional.of(interval));
    }

    private SourceReport storeFailed(SourceConfig config, SourceHealth h, PollResult.Items items, Instant now,
                                     StoreException e) {
        // keep the old validators so the next poll reads the same items again: nothing is lost
        LOG.error("source={} store failed: {}", config.id(), e.getMessage());
        SourceHealth next = failed(config, h, now, "could not store articles: " + e.getMessage(), Optional.empty());
        save(next, now);
        return new SourceReport(config.id(), "failed", items.articles().size(), 0, next.lastError(),
                next.nextFetchAt());
    }

    private static int count(List<SaveOutcome> outcomes, Class<? extends SaveOutcome> kind) {
        return (int) outcomes.stream().filter(kind::isInstance).count();
    }

    private static SourceHealth failed(SourceConfig config, SourceHealth h, Instant now, String reason,
                                       Optional<Duration> retryAfter) {
        int errors = h.errorCount() + 1;
        Duration backoff = backoff(config.every(), errors);
        Duration wait = max(backoff, retryAfter.orElse(Duration.ZERO));
        return new SourceHealth(config.id(), h.validators(), Optional.of(now), h.lastSuccessAt(), h.lastItemsAt(),
                retryAfter.isPresent() ? "rate-limited" : "failed", Optional.of(reason), errors,
                Optional.of(now.plus(wait)), h.fetchCount() + 1, h.notModifiedCount(), h.itemCount(), h.emptyPolls(),
                h.interval());
    }

    /** every, 2x every, 4x every, ... so a dead feed is not hammered; capped at a day. */
    static Duration backoff(Duration every, int errors) {
        Duration wait = every;
        for (int i = 1; i < errors && wait.compareTo(MAX_BACKOFF) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(MAX_BACKOFF) > 0 ? max(every, MAX_BACKOFF) : wait;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private void save(SourceHealth health, Instant now) {
        try {
            writer.write(List.of(), now, outcomes -> health);
        } catch (StoreException e) {
            LOG.error("source={} could not save its state: {}", health.sourceId(), e.getMessage());
        }
    }

    /**
     * The articles of a poll that are not stored yet, with what was extracted from them: one indexed look-up per
     * {@link JdbcArticleStore#LOOKUP_CHUNK} guids, and no extraction for what we already have.
     */
    private List<JdbcArticleStore.NewArticle> unknownAndExtracted(List<Article> items) throws StoreException {
        StageTimes.Mark mark = StageTimes.mark();
        Set<String> known = articles.knownGuids(items);
        mark = stages.charge(Stage.STORE, mark);
        List<JdbcArticleStore.NewArticle> fresh = new ArrayList<>();
        for (Article article : items) {
            if (!known.contains(article.guid())) {
                fresh.add(new JdbcArticleStore.NewArticle(article, fingerprint.applyAsLong(article),
                        extractor.extract(article)));
            }
        }
        stages.charge(Stage.EXTRACT, mark);
        return fresh;
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

    /** What the archive writer did (its thread's time is not in {@link #stageTimes}). */
    public ArchiveWriter.Stats writerStats() {
        return writer.stats();
    }

    /** Time spent per stage since this pipeline was built. */
    public StageTimes stageTimes() {
        return stages;
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
