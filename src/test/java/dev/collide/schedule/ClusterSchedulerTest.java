package dev.collide.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.collide.Pipeline;
import dev.collide.config.DetectionConfig;
import dev.collide.config.HttpConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.fetch.ConditionalFetcher;
import dev.collide.notify.Alert;
import dev.collide.notify.AlertRenderer;
import dev.collide.notify.JdbcOutbox;
import dev.collide.notify.Notifier;
import dev.collide.notify.OutboxDelivery;
import dev.collide.source.Article;
import dev.collide.source.FeedParser;
import dev.collide.source.FeedSource;
import dev.collide.store.Database;
import dev.collide.store.DetectionLock;
import dev.collide.store.JdbcArchiveReader;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.OutboxPolicy;
import dev.collide.store.PostgresTestDatabase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;

/**
 * Two Collide nodes (two schedulers with distinct instance ids, each with its own pool and pipeline) sharing one
 * PostgreSQL archive and Quartz job store (issue #9). Sources are due once an hour of a test clock, looked at every
 * second; time moves only when the test advances the clock, so "once per interval" is "exactly once".
 */
class ClusterSchedulerTest {
    private static final int SOURCES = 6;
    private static final Duration EVERY = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final WireMockExtension FEEDS = WireMockExtension.newInstance()
            .options(WireMockConfiguration.wireMockConfig().dynamicPort().gzipDisabled(true)).build();

    private static final HttpConfig HTTP = new HttpConfig(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), 1024 * 1024, "CollideTest/1.0", 0, Duration.ofMillis(1), 2, 5);

    /** The test's time, shared by both nodes; each node counts how often it looked at a source. */
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-04-25T10:00:00Z"));
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private PostgresTestDatabase pg;
    private Node a;
    private Node b;

    @BeforeEach
    void start() throws Exception {
        pg = PostgresTestDatabase.create();
        for (int i = 0; i < SOURCES; i++) {
            String title = switch (i) {
                case 0 -> "DeepSeek V4 released";
                case 1 -> "Kimi K2.6 released";
                default -> "Weekly notes " + i;
            };
            FEEDS.stubFor(get("/feed-" + i + ".xml").willReturn(ok().withHeader("Content-Type", "application/rss+xml")
                    .withBody(rss(i, title))));
        }
        a = new Node("node-a");
        b = new Node("node-b");
        a.scheduler.start();
        b.scheduler.start();
    }

    @AfterEach
    void stop() throws Exception {
        for (Node n : new Node[] {a, b}) {
            if (n != null) {
                n.close();
            }
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void twoNodes_dueSourcesFetchedOnceAndAlertSentOnce_survivorTakesOverWhenOneStops() throws Exception {
        awaitUntil("every source fetched once", () -> IntStream.range(0, SOURCES).allMatch(i -> fetches(i) >= 1));
        awaitUntil("the collision alert sent", () -> !sent.isEmpty());
        long looksA = a.looks.get();
        long looksB = b.looks.get();
        // let every source be looked at three more times by the cluster while it is not due
        awaitUntil("three more looks at each source", () -> a.looks.get() + b.looks.get() >= looksA + looksB
                + 3L * SOURCES);

        assertThat(IntStream.range(0, SOURCES).map(this::fetches)).containsOnly(1);
        assertThat(a.looks.get()).as("node-a took part").isPositive();
        assertThat(b.looks.get()).as("node-b took part").isPositive();

        a.close();
        a = null;
        now.set(now.get().plus(EVERY).plusSeconds(1));
        awaitUntil("every source fetched again by node-b", () -> IntStream.range(0, SOURCES)
                .allMatch(i -> fetches(i) >= 2));
        long looksAfter = b.looks.get();
        awaitUntil("three more looks at each source", () -> b.looks.get() >= looksAfter + 3L * SOURCES);

        assertThat(IntStream.range(0, SOURCES).map(this::fetches)).containsOnly(2);
        assertThat(sent).containsExactly("CREATED deepseek-v4/kimi-k2.6");
    }

    private int fetches(int source) {
        return FEEDS.findAll(getRequestedFor(urlEqualTo("/feed-" + source + ".xml"))).size();
    }

    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static String rss(int i, String title) {
        return """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>Feed %d</title><link>https://feed%d.example/</link>
                <item><title>%s</title><link>https://feed%d.example/post</link><guid>post-%d</guid>
                <pubDate>Sat, 25 Apr 2026 08:00:00 GMT</pubDate><description>%s</description></item>
                </channel></rss>""".formatted(i, i, title, i, i, title);
    }

    /** Reads the names this test's feeds use; a stand-in for the extract stage. */
    private static Extraction extract(Article article) {
        if (article.title().startsWith("DeepSeek V4")) {
            return release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24));
        }
        if (article.title().startsWith("Kimi K2.6")) {
            return release("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 25));
        }
        return Extraction.EMPTY;
    }

    private static Extraction release(String lab, String family, LocalDate day) {
        return new Extraction(List.of(new Mention(lab, family, family, family, true, ReleaseDate.ofDay(day), 0.9,
                family + " was released")), List.of());
    }

    /** One node: its own pool, pipeline and scheduler, on the shared database. */
    private final class Node implements AutoCloseable {
        final AtomicLong looks = new AtomicLong();
        final Database db;
        final CollideScheduler scheduler;

        Node(String id) throws Exception {
            db = Database.open(pg.config());
            Clock clock = new Clock() { // counts reads: the pipeline reads the time once per look at a source
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    looks.incrementAndGet();
                    return now.get();
                }
            };
            var states = new JdbcSourceStateStore(db.dataSource());
            var events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of("slack"), Set.of()));
            var pipeline = new Pipeline(Map.of(SourceKind.FEED, new FeedSource(new ConditionalFetcher(HTTP, clock),
                    new FeedParser())), ClusterSchedulerTest::extract, article -> 0L,
                    new JdbcArticleStore(db.dataSource()), states, events, new EventBuilder(),
                    new CollisionDetector(DetectionConfig.defaults()), new DetectionLock(db.dataSource(), true),
                    clock);
            List<SourceConfig> sources = IntStream.range(0, SOURCES).mapToObj(i -> new SourceConfig("feed-" + i,
                    SourceKind.FEED, URI.create(FEEDS.baseUrl() + "/feed-" + i + ".xml"), EVERY, true,
                    Optional.empty(), Map.of(), i + 1)).toList();
            Notifier slack = new Notifier() {
                @Override
                public String channel() {
                    return "slack";
                }

                @Override
                public void send(Alert alert) {
                    if (alert instanceof Alert.CollisionAlert c) {
                        sent.add(alert.change() + " " + c.collision().a().family() + "/" + c.collision().b().family());
                    }
                }
            };
            var delivery = new OutboxDelivery(new JdbcOutbox(db.dataSource()),
                    new AlertRenderer(new JdbcArchiveReader(db.dataSource()), URI.create("https://collide.example/")),
                    List.of(slack),
                    Clock.fixed(Instant.parse("2026-04-25T12:00:00Z"), ZoneOffset.UTC));
            scheduler = new CollideScheduler(pipeline, sources,
                    CollideScheduler.clusteredProperties(3, db.dataSource(), Duration.ofSeconds(1), id),
                    Optional.of(Duration.ofSeconds(1)));
            scheduler.addJob(JobKey.jobKey("deliver-outbox", "notify"), () -> new DeliverOutboxJob(delivery),
                    SimpleScheduleBuilder.repeatSecondlyForever(1)
                            .withMisfireHandlingInstructionNextWithRemainingCount());
        }

        @Override
        public void close() throws Exception {
            scheduler.close();
            db.close();
        }
    }
}
