package dev.collide.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.Lab;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.config.DetectionConfig;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.Database;
import dev.collide.store.JdbcArchiveReader;
import dev.collide.store.JdbcArchiveStats;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.OutboxPolicy;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event page (issue 14 item 8): an article that mentions the release twice (the announcement sentence and a
 * later mention) is one row, and a model named after its lab ("DeepSeek V4") is not prefixed with the lab again.
 */
class EventPageTest {
    private static final LocalDate DAY = LocalDate.of(2026, 4, 24);
    private static Database db;
    private static JdbcEventStore events;
    private static ArchiveServer server;
    private static ArchiveHttp http;

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.empty(), Optional.empty()));
        var articles = new JdbcArticleStore(db);
        events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of(), Set.of()));
        articles.save(new Article("wire", "ds-1", Optional.of(URI.create("https://wire.example/deepseek-v4")),
                "DeepSeek releases V4 weights", "DeepSeek V4 is out. Later: DeepSeek V4 tops the charts.",
                Optional.of(DAY.atTime(9, 0).toInstant(ZoneOffset.UTC)), ArticleKind.NEWS, Optional.empty(),
                List.of()), 11, new Extraction(List.of(
                        new Mention("deepseek", "deepseek-v4", "DeepSeek V4", "deepseek-v4", true,
                                ReleaseDate.ofDay(DAY), 0.9, "DeepSeek V4 is out."),
                        new Mention("deepseek", "deepseek-v4", "DeepSeek V4", "deepseek-v4", false,
                                ReleaseDate.ofDay(DAY), 0.5, "Later: DeepSeek V4 tops the charts.")), List.of()),
                ArchiveFixture.NOW);
        var built = new EventBuilder().build(events.loadReleaseEvidence());
        events.saveDetection(built, new CollisionDetector(DetectionConfig.defaults()).detect(built,
                events.loadCoReleases()), ArchiveFixture.NOW);
        var archive = new Archive(new JdbcArchiveReader(db.dataSource()), articles,
                new JdbcSourceStateStore(db.dataSource()), new JdbcArchiveStats(db.dataSource()),
                List.of(new Lab("deepseek", "DeepSeek", List.of("DeepSeek"), List.of(), List.of(), List.of())));
        server = ArchiveServer.start("127.0.0.1", 0, archive, ArchiveFixture.CLOCK);
        http = new ArchiveHttp(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static String eventPage() throws Exception {
        String id = new JdbcArchiveReader(db.dataSource()).events(ArchiveQuery.all()).get(0).id();
        return http.get("/events/" + id).body();
    }

    @Test
    void eventPage_articleWithTwoMentions_listedOnceWithBothSentences() throws Exception {
        String body = eventPage();

        assertThat(body.split("href=\"https://wire.example/deepseek-v4\"", -1)).hasSize(2);
        assertThat(body).contains("DeepSeek V4 is out.").contains("Later: DeepSeek V4 tops the charts.");
    }

    @Test
    void eventPage_modelNamedAfterItsLab_titleDoesNotRepeatTheLab() throws Exception {
        String body = eventPage();

        assertThat(body).contains("<title>Collide: DeepSeek V4</title>").contains("<h1>DeepSeek V4</h1>");
        assertThat(body).doesNotContain("DeepSeek DeepSeek");
    }
}
