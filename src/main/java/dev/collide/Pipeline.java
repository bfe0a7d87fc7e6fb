package dev.collide;

import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.extract.Extractor;
import dev.collide.source.Article;
import dev.collide.source.Source;
import dev.collide.store.ArchiveWriter;
import dev.collide.store.DetectionLock;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.EventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.RereadReport;
import dev.collide.store.StoreException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The stages joined: {@link SourcePoller} polls a source, extracts from each new article and stores it with the
 * source's health; {@link IncrementalDetector} detects over the stored evidence. Both charge one {@link StageTimes}.
 * Thread-safe: many sources may be polled at once; detection runs one at a time.
 */
public final class Pipeline implements AutoCloseable {
    private final StageTimes stages = new StageTimes();
    private final SourcePoller poller;
    private final IncrementalDetector detection;
    private final Extractor extractor;
    private final JdbcArticleStore articles;

    /** What {@link #rereadAndDetectAll} did: the archive re-read, then the full detection. */
    public record Reread(RereadReport reread, DetectionReport detection) {
    }

    public Pipeline(Map<SourceKind, Source> sources, Extractor extractor, ToLongFunction<Article> fingerprint,
                    JdbcArticleStore articles, JdbcSourceStateStore states, EventStore events,
                    EventBuilder eventBuilder, CollisionDetector detector, DetectionLock clusterLock, Clock clock) {
        this.poller = new SourcePoller(sources, extractor, fingerprint, articles, states, clock, stages);
        this.detection = new IncrementalDetector(events, eventBuilder, detector, clusterLock, clock, stages);
        this.extractor = extractor;
        this.articles = articles;
    }

    /** Stops the archive writer after what is queued; the stores stay open (they belong to the caller). */
    @Override
    public void close() {
        poller.close();
    }

    /** See {@link SourcePoller#pollIfDue}. */
    public Optional<SourceReport> pollIfDue(SourceConfig config) {
        return poller.pollIfDue(config);
    }

    /** See {@link SourcePoller#poll}. Never throws. */
    public SourceReport poll(SourceConfig config) {
        return poller.poll(config);
    }

    /** See {@link SourcePoller#pollQueuingState}; {@link #awaitQueuedStates} after the last. Never throws. */
    public SourceReport pollQueuingState(SourceConfig config) {
        return poller.pollQueuingState(config);
    }

    /** See {@link SourcePoller#awaitQueuedStates}. */
    public void awaitQueuedStates() {
        poller.awaitQueuedStates();
    }

    /** See {@link IncrementalDetector#detectAll}. */
    public DetectionReport detectAll() throws StoreException {
        return detection.detectAll();
    }

    /**
     * After an upgrade: every stored article read again by this version's extractor, its mentions and co-releases
     * replaced, then detection in full, so that events, dates and collisions are what this version would have found
     * (those that no longer hold are retracted, with the reason in their history).
     */
    public Reread rereadAndDetectAll() throws StoreException {
        RereadReport[] reread = new RereadReport[1];
        DetectionReport detected = detection.detectAllAfter(() -> reread[0] = articles.rereadAll(extractor::extract));
        return new Reread(reread[0], detected);
    }

    /** See {@link IncrementalDetector#detect}. */
    public DetectionReport detect() throws StoreException {
        return detection.detect();
    }

    /** See {@link IncrementalDetector#detectOnStart}. */
    public DetectionReport detectOnStart() throws StoreException {
        return detection.detectOnStart();
    }

    /** What the archive writer did (its thread's time is not in {@link #stageTimes}). */
    public ArchiveWriter.Stats writerStats() {
        return poller.writerStats();
    }

    /** Time spent per stage since this pipeline was built. */
    public StageTimes stageTimes() {
        return stages;
    }
}
