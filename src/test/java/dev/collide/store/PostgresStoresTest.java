package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The archive on a real PostgreSQL server (issue #9): same migrations, same behaviour as on H2. */
class PostgresStoresTest {
    private static final Instant NOW = Instant.parse("2026-04-25T10:00:00Z");

    private PostgresTestDatabase pg;
    private Database db;
    private JdbcArticleStore articles;
    private JdbcEventStore events;

    @BeforeEach
    void open() throws Exception {
        pg = PostgresTestDatabase.create();
        db = Database.open(pg.config());
        articles = new JdbcArticleStore(db.dataSource());
        events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of("slack"), Set.of("deepseek")));
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static Article article(String source, String guid, String url) {
        return new Article(source, guid, Optional.of(URI.create(url)), "title " + guid, "text", Optional.of(NOW),
                ArticleKind.NEWS, Optional.empty(), List.of());
    }

    private static Extraction release(String lab, String family, LocalDate day) {
        return new Extraction(List.of(new Mention(lab, family, family, family, true, ReleaseDate.ofDay(day), 0.9,
                family + " was released")), List.of());
    }

    private DetectionChanges detect(Instant at) throws Exception {
        List<ReleaseEvent> built = new EventBuilder().build(events.loadReleaseEvidence());
        var collisions = new CollisionDetector(DetectionConfig.defaults()).detect(built, events.loadCoReleases());
        return events.saveDetection(built, collisions, at);
    }

    @Test
    void open_emptySchema_appliesArchiveAndQuartzMigrations() throws Exception {
        List<String> versions = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success"
                    + " AND version IS NOT NULL ORDER BY installed_rank")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() AND table_name LIKE 'qrtz%' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }

        assertThat(db.isPostgres()).isTrue();
        assertThat(versions).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(tables).containsExactly("qrtz_blob_triggers", "qrtz_calendars", "qrtz_cron_triggers",
                "qrtz_fired_triggers", "qrtz_job_details", "qrtz_locks", "qrtz_paused_trigger_grps",
                "qrtz_scheduler_state", "qrtz_simple_triggers", "qrtz_simprop_triggers", "qrtz_triggers");
    }

    @Test
    void open_twice_migratesOnce() throws Exception {
        try (Database again = Database.open(pg.config())) {
            assertThat(new JdbcArticleStore(again.dataSource()).count()).isZero();
        }
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
    void sourceState_roundTrips() throws Exception {
        var store = new JdbcSourceStateStore(db.dataSource());
        var health = new SourceHealth("hf-blog", Validators.of("\"v7\"", "Sat, 25 Apr 2026 08:00:00 GMT", "ab"),
                Optional.of(NOW), Optional.of(NOW), Optional.empty(), "ok", Optional.empty(), 0,
                Optional.of(NOW.plusSeconds(1800)), 3, 1, 40);

        store.save(health);
        store.save(health);

        assertThat(store.find("hf-blog")).isEqualTo(health);
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
        assertThat(first.outboxRows()).isEqualTo(2);
        assertThat(second.collisionChanges()).isEmpty();
        assertThat(second.outboxRows()).isZero();
    }

    @Test
    void saveDetection_movedDate_retractsCollisionWithHistory() throws Exception {
        articles.save(article("wire", "g1", "https://wire.example/1"), 1,
                release("deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24)), NOW);
        articles.save(article("wire", "g2", "https://wire.example/2"), 2,
                release("moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20)), NOW);
        detect(NOW);
        String id = events.collisions(ArchiveQuery.all(), Optional.empty(), false).get(0).id();
        var labPost = new Article("deepseek-news", "v4", Optional.of(URI.create("https://deepseek.example/v4")),
                "DeepSeek V4", "", Optional.of(NOW), ArticleKind.LAB_POST, Optional.of("deepseek"), List.of());
        articles.save(labPost, 3, release("deepseek", "deepseek-v4", LocalDate.of(2026, 5, 8)), NOW);

        DetectionChanges changes = detect(NOW.plusSeconds(60));

        assertThat(changes.count("RETRACTED")).isEqualTo(1);
        assertThat(events.collision(id).orElseThrow().status()).isEqualTo("RETRACTED");
        assertThat(events.history(id)).extracting(HistoryEntry::change).containsExactly("CREATED", "RETRACTED");
    }
}
