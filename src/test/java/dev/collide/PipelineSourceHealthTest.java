package dev.collide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.DetectionConfig;
import dev.collide.config.SourceConfig;
import dev.collide.config.SourceKind;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.extract.Extraction;
import dev.collide.fetch.Validators;
import dev.collide.source.Article;
import dev.collide.source.PollResult;
import dev.collide.source.Source;
import dev.collide.store.Database;
import dev.collide.store.DetectionLock;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.OutboxPolicy;
import dev.collide.store.SourceHealth;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adaptive refresh and "needs attention" as the pipeline records them in a real H2 archive. */
class PipelineSourceHealthTest {
    static final Instant NOW = Instant.parse("2025-11-07T09:00:00Z");
    static final SourceConfig SOURCE = new SourceConfig("lab-news", SourceKind.HTML,
            URI.create("https://example.com/news"), Duration.ofHours(1), true, Optional.empty(), Map.of(), 1);

    /** Answers each poll with the next scripted result. */
    private final Deque<PollResult> script = new ArrayDeque<>();
    private final Source scripted = (config, state) -> script.removeFirst();
    private Database db;
    private JdbcSourceStateStore states;
    private Pipeline pipeline;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.empty(), Optional.empty()));
        states = new JdbcSourceStateStore(db.dataSource());
        pipeline = new Pipeline(Map.of(SourceKind.HTML, scripted), article -> Extraction.EMPTY, article -> 0L,
                new JdbcArticleStore(db.dataSource()), states,
                new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of(), Set.of())), new EventBuilder(),
                new CollisionDetector(DetectionConfig.defaults()), new DetectionLock(db.dataSource(), false),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static PollResult.Items items(String... guids) {
        List<Article> articles = Arrays.stream(guids).map(g -> Article.news("lab-news", g,
                URI.create("https://example.com/news/" + g), "Post " + g, "", NOW)).toList();
        return new PollResult.Items(articles, Validators.NONE, Optional.empty());
    }

    @Test
    void poll_newItemsThenNewAgain_nextRunComesSooner() throws Exception {
        script.add(items("a"));
        script.add(items("a", "b"));

        pipeline.poll(SOURCE);
        SourceReport second = pipeline.poll(SOURCE);

        assertThat(second.nextFetchAt()).contains(NOW.plus(Duration.ofMinutes(30)));
        assertThat(states.find("lab-news").interval()).contains(Duration.ofMinutes(30));
    }

    @Test
    void poll_notBeforeLongerThanInterval_waitsForTheServer() throws Exception {
        script.add(items("a"));
        script.add(new PollResult.Unchanged(Validators.NONE, Optional.of(Duration.ofHours(5))));

        pipeline.poll(SOURCE);
        SourceReport second = pipeline.poll(SOURCE);

        assertThat(second.nextFetchAt()).contains(NOW.plus(Duration.ofHours(5)));
        assertThat(states.find("lab-news").interval()).contains(Duration.ofMinutes(90));
    }

    @Test
    void poll_yieldedItemsThenParsesToNone_isFlaggedSilent() throws Exception {
        script.add(items("a", "b"));
        script.add(items());

        pipeline.poll(SOURCE);
        pipeline.poll(SOURCE);

        SourceHealth health = states.find("lab-news");
        assertThat(health.needsAttention()).isTrue();
        assertThat(health.attention()).contains("silent: the last poll parsed to no items although 2 were stored"
                + " before; the feed may have moved or the page layout changed: check url and selectors");
    }

    @Test
    void poll_threeFailuresInARow_isFlaggedFailingWithTheLastError() throws Exception {
        for (int i = 0; i < 3; i++) {
            script.add(new PollResult.Failed("source lab-news: item selector 'li' matches nothing", true,
                    Optional.empty()));
        }

        for (int i = 0; i < 3; i++) {
            pipeline.poll(SOURCE);
        }

        assertThat(states.find("lab-news").attention()).contains("failing: 3 polls in a row; last error: source"
                + " lab-news: item selector 'li' matches nothing");
    }

    @Test
    void poll_sourceThrows_isAReportedRetryableFailure_andTheNextPollWorks() throws Exception {
        // an empty script makes the source throw NoSuchElementException: a bug, not a remote failure
        SourceReport broken = pipeline.poll(SOURCE);

        assertThat(broken.status()).isEqualTo("failed");
        assertThat(broken.error()).get().asString().startsWith("source lab-news: internal error")
                .contains("NoSuchElementException").doesNotContain("\n");
        assertThat(states.find("lab-news").errorCount()).isEqualTo(1);
        script.add(items("a"));
        assertThat(pipeline.poll(SOURCE).stored()).isEqualTo(1);
        assertThat(states.find("lab-news").errorCount()).isZero();
    }

    @Test
    void poll_failureAfterItems_keepsWhatWasStored() throws Exception {
        script.add(items("a", "b"));
        script.add(new PollResult.Failed("source lab-news: HTTP 500", true, Optional.empty()));

        pipeline.poll(SOURCE);
        pipeline.poll(SOURCE);

        SourceHealth health = states.find("lab-news");
        assertThat(health.itemCount()).isEqualTo(2);
        assertThat(health.errorCount()).isEqualTo(1);
        assertThat(health.needsAttention()).isFalse();
    }
}
