package dev.collide;

import dev.collide.StageTimes.Stage;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.extract.Extractor;
import dev.collide.source.Article;
import dev.collide.source.PollResult;
import dev.collide.source.Source;
import dev.collide.source.SourceState;
import dev.collide.store.ArchiveWriter;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.SaveOutcome;
import dev.collide.store.SourceHealth;
import dev.collide.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling half of the pipeline: poll a source, extract from each article not stored yet, hand them to the
 * archive writer with the source's next {@link SourceHealth}, in one transaction. Thread-safe: many sources may be
 * polled at once (the writer serialises the writes).
 */
public final class SourcePoller implements AutoCloseable {
    // the log lines keep the name they had before the split ("Pipeline - source=... failed"): users filter on it,
    // and `collide fetch` quiets it
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** A failing source is retried later and later, but at least once a day. */
    static final Duration MAX_BACKOFF = Duration.ofHours(24);

    private final Map<SourceKind, Source> sources;
    private final Extractor extractor;
    private final ToLongFunction<Article> fingerprint;
    private final JdbcArticleStore articles;
    private final JdbcSourceStateStore states;
    private final Clock clock;
    private final StageTimes stages;
    private final ArchiveWriter writer;

    /** Starts an archive writer on {@code articles}; {@code stages} is charged with poll, extract and store time. */
    public SourcePoller(Map<SourceKind, Source> sources, Extractor extractor, ToLongFunction<Article> fingerprint,
                        JdbcArticleStore articles, JdbcSourceStateStore states, Clock clock, StageTimes stages) {
        this.sources = Map.copyOf(sources);
        this.extractor = extractor;
        this.fingerprint = fingerprint;
        this.articles = articles;
        this.states = states;
        this.clock = clock;
        this.stages = stages;
        this.writer = articles.newWriter();
    }

    /** Stops the archive writer after what is queued; the stores stay open (they belong to the caller). */
    @Override
    public void close() {
        writer.close();
    }

    /** What the archive writer did (its thread's time is not in the stage times). */
    public ArchiveWriter.Stats writerStats() {
        return writer.stats();
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
        return poll(config, true);
    }

    /**
     * As {@link #poll(SourceConfig)}, but a poll that stored nothing (unchanged, failed) only queues the source's
     * new state and returns: for a run that polls each source once ({@code collide fetch}), which then calls
     * {@link #awaitQueuedStates} (issue 18: in a warm run most of a poll was waiting for that commit). Articles are
     * always committed before the poll returns.
     */
    public SourceReport pollQueuingState(SourceConfig config) {
        return poll(config, false);
    }

    /** Returns once every state queued by {@link #pollQueuingState} before the call is committed (or logged). */
    public void awaitQueuedStates() {
        try {
            writer.flush();
        } catch (StoreException e) {
            LOG.error("the queued source states could not be saved: {}", e.getMessage());
        }
    }

    private SourceReport poll(SourceConfig config, boolean waitForState) {
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
        return record(config, health, result, now, waitForState);
    }

    private SourceReport record(SourceConfig config, SourceHealth h, PollResult result, Instant now,
                                boolean waitForState) {
        if (result instanceof PollResult.Items items) {
            List<JdbcArticleStore.NewArticle> fresh;
            try {
                fresh = unknownAndExtracted(items.articles());
            } catch (StoreException e) {
                return storeFailed(config, h, items, now, e, waitForState);
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
                return storeFailed(config, h, items, now, e, waitForState);
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
            next = h.afterUnchanged(unchanged.validators(), now, nextFetch, interval);
            report = new SourceReport(config.id(), "unchanged", 0, 0, Optional.empty(), next.nextFetchAt());
        } else {
            PollResult.Failed failed = (PollResult.Failed) result;
            LOG.warn("source={} failed: {}", config.id(), failed.reason());
            next = failed(config, h, now, failed.reason(), failed.retryAfter());
            report = new SourceReport(config.id(), failed.retryAfter().isPresent() ? "rate-limited" : "failed",
                    0, 0, Optional.of(failed.reason()), next.nextFetchAt());
        }
        save(next, now, waitForState);
        return report;
    }

    /** The state after a poll that read items, {@code stored} of them new. */
    private static SourceHealth itemsRead(SourceConfig config, SourceHealth h, PollResult.Items items, int stored,
                                          Instant now) {
        Duration interval = AdaptiveRefresh.next(config, h, stored);
        Instant nextFetch = now.plus(max(interval, items.notBefore().orElse(Duration.ZERO)));
        return h.afterItems(items.validators(), items.articles().size(), stored, now, nextFetch, interval);
    }

    private SourceReport storeFailed(SourceConfig config, SourceHealth h, PollResult.Items items, Instant now,
                                     StoreException e, boolean waitForState) {
        // keep the old validators so the next poll reads the same items again: nothing is lost
        LOG.error("source={} store failed: {}", config.id(), e.getMessage());
        SourceHealth next = failed(config, h, now, "could not store articles: " + e.getMessage(), Optional.empty());
        save(next, now, waitForState);
        return new SourceReport(config.id(), "failed", items.articles().size(), 0, next.lastError(),
                next.nextFetchAt());
    }

    private static int count(List<SaveOutcome> outcomes, Class<? extends SaveOutcome> kind) {
        return (int) outcomes.stream().filter(kind::isInstance).count();
    }

    private static SourceHealth failed(SourceConfig config, SourceHealth h, Instant now, String reason,
                                       Optional<Duration> retryAfter) {
        Duration backoff = backoff(config.every(), h.errorCount() + 1);
        Duration wait = max(backoff, retryAfter.orElse(Duration.ZERO));
        return h.afterFailure(reason, retryAfter.isPresent(), now, now.plus(wait));
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

    private void save(SourceHealth health, Instant now, boolean waitForState) {
        try {
            if (waitForState) {
                writer.write(List.of(), now, outcomes -> health);
            } else {
                writer.writeLater(now, health);
            }
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
}
