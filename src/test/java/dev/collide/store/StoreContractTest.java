package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.DetectionConfig;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.fetch.Validators;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDBC stores promise on every database the archive runs on: each subclass opens its database and runs
 * every test here on it, so H2 and PostgreSQL are held to the same checks.
 */
abstract class StoreContractTest {
    static final Instant NOW = Instant.parse("2026-04-25T10:00:00Z");

    Database db;
    JdbcArticleStore articles;
    JdbcEventStore events;

    /** Makes a fresh, empty database for one test and returns its config; the stores migrate it on open. */
    abstract DatabaseConfig newDatabase() throws Exception;

    /** Removes what {@link #newDatabase()} made; runs after the pool is closed, and also when opening failed. */
    void dropDatabase() throws Exception {
    }

    @BeforeEach
    void open() throws Exception {
        db = Database.open(newDatabase());
        articles = new JdbcArticleStore(db.dataSource());
        events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of("slack"), Set.of("deepseek")));
    }

    @AfterEach
    void close() throws Exception {
        // db is null when newDatabase() aborted the test (no PostgreSQL) or the migrations failed
        if (db != null) {
            db.close();
        }
        dropDatabase();
    }

    static Article article(String source, String guid, String url) {
        return new Article(source, guid, Optional.of(URI.create(url)), "title " + guid, "text", Optional.of(NOW),
                ArticleKind.NEWS, Optional.empty(), List.of());
    }

    static Extraction release(String lab, String family, LocalDate day) {
        return new Extraction(List.of(new Mention(lab, family, family, family, true, ReleaseDate.ofDay(day), 0.9,
                family + " was released")), List.of());
    }

    DetectionChanges detect(Instant at) throws Exception {
        List<ReleaseEvent> built = new EventBuilder().build(events.loadReleaseEvidence());
        var collisions = new CollisionDetector(DetectionConfig.defaults()).detect(built, events.loadCoReleases());
        return events.saveDetection(built, collisions, at);
    }

    @Test
    void save_sameGuidTwice_storesOnce() throws Exception {
        var a = article("wire", "g1", "https://wire.example/a");

        assertThat(articles.save(a, 1, Extraction.EMPTY, NOW)).isPresent();
        assertThat(articles.save(a, 1, Extraction.EMPTY, NOW)).isEmpty();
        assertThat(articles.count()).isEqualTo(1);
    }

    @Test
    void save_sameUrlFromTwoSources_storesOnce() throws Exception {
        articles.save(article("wire", "g1", "https://www.wire.example/a/?utm_source=x"), 1, Extraction.EMPTY, NOW);

        Optional<Long> second = articles.save(article("digest", "other", "http://wire.example/a"), 1,
                Extraction.EMPTY, NOW);

        assertThat(second).isEmpty();
        assertThat(articles.count()).isEqualTo(1);
    }

    @Test
    void store_oneSourceDistinctGuidsSameLink_storesBoth() throws Exception {
        articles.store(article("minimax", "g1", "https://platform.example/release-notes"), 1, Extraction.EMPTY, NOW);

        SaveOutcome second = articles.store(article("minimax", "g2", "https://platform.example/release-notes"), 2,
                Extraction.EMPTY, NOW);

        assertThat(second).isInstanceOf(SaveOutcome.Stored.class);
        assertThat(articles.count()).isEqualTo(2);
    }

    @Test
    void store_labPostWithALinkAnotherSourceStored_isKept() throws Exception {
        articles.store(article("wire", "w1", "https://lab.example/post"), 1, Extraction.EMPTY, NOW);
        var own = article("lab-blog", "p1", "https://lab.example/post").withKind(ArticleKind.LAB_POST,
                Optional.of("deepseek"));

        SaveOutcome outcome = articles.store(own, 2, Extraction.EMPTY, NOW);

        assertThat(outcome).isInstanceOf(SaveOutcome.Stored.class);
        assertThat(articles.count()).isEqualTo(2);
    }

    @Test
    void store_newsRepeatingAnotherSourcesLink_namesThatSource() throws Exception {
        articles.store(article("wire", "w1", "https://lab.example/post"), 1, Extraction.EMPTY, NOW);

        SaveOutcome outcome = articles.store(article("digest", "d1", "https://lab.example/post"), 2,
                Extraction.EMPTY, NOW);

        assertThat(outcome).isEqualTo(new SaveOutcome.SameLink("wire"));
    }

    @Test
    void sourceState_roundTrips() throws Exception {
        var store = new JdbcSourceStateStore(db.dataSource());
        var health = new SourceHealth("hf-blog", Validators.of("\"v7\"", "Sat, 25 Apr 2026 08:00:00 GMT", "ab"),
                Optional.of(NOW), Optional.of(NOW), Optional.empty(), "ok", Optional.empty(), 0,
                Optional.of(NOW.plusSeconds(1800)), 3, 1, 40);

        store.save(health);
        store.save(health);

        assertThat(store.find("hf-blog")).isEqualTo(health);
        assertThat(store.find("unknown")).isEqualTo(SourceHealth.fresh("unknown"));
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void saveDetection_rerun_createsNothingTwice() throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)), NOW);
        articles.save(article("wire", "g2", "https://wire.example/2"), 2,
                release("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20)), NOW);

        DetectionChanges first = detect(NOW);
        DetectionChanges second = detect(NOW.plusSeconds(60));

        assertThat(first.newEvents()).isEqualTo(2);
        assertThat(first.count("CREATED")).isEqualTo(1);
        // one row for the collision, one for the watched lab's new event, on the one channel
        assertThat(first.outboxRows()).isEqualTo(2);
        assertThat(second.newEvents()).isZero();
        assertThat(second.collisionChanges()).isEmpty();
        assertThat(second.outboxRows()).isZero();
        assertThat(events.collisions(ArchiveQuery.all(), Optional.empty(), false)).hasSize(1);
    }

    @Test
    void saveDetection_movedDate_retractsCollisionWithHistory() throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)), NOW);
        articles.save(article("wire", "g2", "https://wire.example/2"), 2,
                release("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20)), NOW);
        detect(NOW);
        String id = events.collisions(ArchiveQuery.all(), Optional.empty(), false).get(0).id();

        // the lab's own post dates V4 two weeks later than the news did
        var labPost = new Article("deepseek-news", "v4", Optional.of(URI.create("https://deepseek.example/v4")),
                "DeepSeek V4", "", Optional.of(NOW), ArticleKind.LAB_POST, Optional.of("deepseek"), List.of());
        articles.save(labPost, 3, release("deepseek", "deepseek-v4", LocalDate.of(2026, 5, 8)), NOW);
        DetectionChanges changes = detect(NOW.plusSeconds(60));

        assertThat(changes.count("RETRACTED")).isEqualTo(1);
        assertThat(events.collisions(ArchiveQuery.all(), Optional.empty(), false)).isEmpty();
        StoredCollision retracted = events.collision(id).orElseThrow();
        assertThat(retracted.status()).isEqualTo("RETRACTED");
        assertThat(events.history(id)).extracting(HistoryEntry::change).containsExactly("CREATED", "RETRACTED");
        assertThat(events.event(ReleaseEvent.idFor("deepseek", "deepseek-v4")).orElseThrow().date())
                .contains(LocalDate.of(2026, 5, 8));
    }

    @Test
    void find_byLabAndDate_returnsMatchingArticles() throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)), NOW);
        articles.save(article("wire", "g2", "https://wire.example/2"), 2,
                release("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20)), NOW);

        var found = articles.search(new ArchiveQuery(Optional.of(LocalDate.of(2026, 4, 25)),
                Optional.of(LocalDate.of(2026, 4, 25)), Optional.of("moonshot"), Optional.empty(), 10, 0));

        assertThat(found).extracting(StoredArticle::guid).containsExactly("g2");
    }

    @Test
    void evidence_listsMentionsWithArticles() throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)), NOW);
        detect(NOW);

        List<StoredEvidence> evidence = events.evidence(ReleaseEvent.idFor("deepseek", "deepseek-v4"));

        assertThat(evidence).singleElement().satisfies(e -> {
            assertThat(e.link()).contains(URI.create("https://wire.example/1"));
            assertThat(e.sentence()).isEqualTo("deepseek-v4 was released");
            assertThat(e.date()).isEqualTo(LocalDate.of(2026, 4, 24));
        });
    }

    @Test
    void evidence_ofAPreviewAndItsLaterFinal_listsEachEventsOwnMentions() throws Exception {
        var preview = new Mention("deepseek", "deepseek-v9-preview", "DeepSeek V9 Preview", "deepseek-v9", true,
                ReleaseDate.ofDay(LocalDate.of(2026, 3, 4)), 0.9, "DeepSeek V9 Preview is here");
        var fin = new Mention("deepseek", "deepseek-v9", "DeepSeek V9", "deepseek-v9", true,
                ReleaseDate.ofDay(LocalDate.of(2026, 4, 20)), 0.9, "DeepSeek V9 is now generally available");
        articles.save(article("wire", "g1", "https://wire.example/1"), 1, new Extraction(List.of(preview), List.of()),
                NOW);
        articles.save(article("wire", "g2", "https://wire.example/2"), 2, new Extraction(List.of(fin), List.of()),
                NOW);
        detect(NOW);

        var ofPreview = events.evidence(ReleaseEvent.idFor("deepseek", "deepseek-v9-preview"));
        var ofFinal = events.evidence(ReleaseEvent.idFor("deepseek", "deepseek-v9"));

        assertThat(ofPreview).extracting(StoredEvidence::sentence).containsExactly("DeepSeek V9 Preview is here");
        assertThat(ofFinal).extracting(StoredEvidence::sentence)
                .containsExactly("DeepSeek V9 is now generally available");
    }

    @Test
    void loadReleaseEvidence_keepsWhetherTheDateCameFromTheArticle() throws Exception {
        var undated = new Mention("deepseek", "deepseek-v9", "DeepSeek V9", "deepseek-v9", true,
                ReleaseDate.ofDay(LocalDate.of(2026, 4, 25)), 0.9, "DeepSeek put out DeepSeek V9", true);
        articles.save(article("wire", "g1", "https://wire.example/1"), 1, new Extraction(List.of(undated), List.of()),
                NOW);

        assertThat(events.loadReleaseEvidence()).singleElement()
                .satisfies(e -> assertThat(e.dateFromArticle()).contains(true));
    }
}
