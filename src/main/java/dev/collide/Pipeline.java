package dev.collide;

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
import dev.collide.store.DetectionChanges;
import dev.collide.store.DetectionLock;
import dev.collide.store.FamilyKey;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
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
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages joined: poll a source, extract from each new article, store it; detect over the stored evidence.
 * Thread-safe: many sources may be polled at once; detection runs one at a time.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** A failing source is retried later and later, but at least once a day. */
    static final Duration MAX_BACKOFF = Duration.ofHours(24);

    private final Map<SourceKind, Source> sources;
    private final Extractor extractor;
    private final ToLongFunction<Article> fingerprint;
    private final JdbcArticleStore articles;
    private final JdbcSourceStateStore states;
    private final JdbcEventStore events;
    private final EventBuilder eventBuilder;
    private final CollisionDetector detector;
    private final DetectionLock clusterLock;
    private final Clock clock;
    private final Object detectionLock = new Object();

    public Pipeline(Map<SourceKind, Source> sources, Extractor extractor, ToLongFunction<Article> fingerprint,
                    JdbcArticleStore articles, JdbcSourceStateStore states, JdbcEventStore events,
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
        }
        return record(config, health, result, now);
    }

    private SourceReport record(SourceConfig config, SourceHealth h, PollResult result, Instant now) {
        SourceHealth next;
        SourceReport report;
        if (result instanceof PollResult.Items items) {
            int stored = 0;
            int sameLink = 0;
            try {
                StoreCounts counts = storeAll(items.articles());
                stored = counts.stored();
                sameLink = counts.sameLink();
            } catch (StoreException e) {
                // keep the old validators so the next poll reads the same items again: nothing is lost
                LOG.error("source={} store failed: {}", config.id(), e.getMessage());
                next = failed(config, h, now, "could not store articles: " + e.getMessage(), Optional.empty());
                save(next);
                return new SourceReport(config.id(), "failed", items.articles().size(), stored,
                        next.lastError(), next.nextFetchAt());
            }
            Duration interval = AdaptiveRefresh.next(config, h, stored);
            Instant nextFetch = now.plus(max(interval, items.notBefore().orElse(Duration.ZERO)));
            next = new SourceHealth(config.id(), items.validators(), Optional.of(now), Optional.of(now),
                    items.articles().isEmpty() ? h.lastItemsAt() : Optional.of(now), "ok", Optional.empty(), 0,
                    Optional.of(nextFetch), h.fetchCount() + 1, h.notModifiedCount(), h.itemCount() + stored,
                    items.articles().isEmpty() ? h.emptyPolls() + 1 : 0, Optional.of(interval));
            report = new SourceReport(config.id(), "ok", items.articles().size(), stored, sameLink,
                    Optional.empty(), next.nextFetchAt());
        } else if (result instanceof PollResult.Unchanged unchanged) {
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
        save(next);
        return report;
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

    private void save(SourceHealth health) {
        try {
            states.save(health);
        } catch (StoreException e) {
            LOG.error("source={} could not save its state: {}", health.sourceId(), e.getMessage());
        }
    }

    /** New articles, and those skipped because another source stored their link first. */
    private record StoreCounts(int stored, int sameLink) {
    }

    /** Articles stored per transaction: one commit per batch rather than per item (issue 17). */
    private static final int STORE_BATCH = 500;

    private StoreCounts storeAll(List<Article> items) throws StoreException {
        int stored = 0;
        int sameLink = 0;
        Instant now = clock.instant();
        List<JdbcArticleStore.NewArticle> batch = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Article article = items.get(i);
            // cheap: skip extraction for what we already have
            if (!articles.contains(article.sourceId(), article.guid())) {
                batch.add(new JdbcArticleStore.NewArticle(article, fingerprint.applyAsLong(article),
                        extractor.extract(article)));
            }
            if (batch.size() < STORE_BATCH && i < items.size() - 1) {
                continue;
            }
            List<SaveOutcome> outcomes = batch.isEmpty() ? List.of() : articles.storeAll(batch, now);
            for (int k = 0; k < outcomes.size(); k++) {
                if (outcomes.get(k) instanceof SaveOutcome.Stored) {
                    stored++;
                } else if (outcomes.get(k) instanceof SaveOutcome.SameLink same) {
                    sameLink++;
                    LOG.debug("source={} guid={} skipped: same link as an article of source={}",
                            article.sourceId(), batch.get(k).article().guid(), same.otherSourceId());
                }
            }
            batch.clear();
        }
        return new StoreCounts(stored, sameLink);
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
                return detectNewEvidence();
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
