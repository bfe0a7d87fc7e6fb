package dev.collide.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.DetectionConfig;
import dev.collide.detect.Collision;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.detect.Evidence;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.CoRelease;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.ArticleKind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5: when stronger evidence moves an event, the collisions that no longer hold are retracted with
 * the reason in their history, and those that now hold are created; one test per dating and merging rule. Real
 * H2, the real builder, detector and store.
 */
class CorrectionsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private Database db;
    private JdbcEventStore store;
    private JdbcArchiveReader reader;
    private final EventBuilder builder = new EventBuilder();
    private final CollisionDetector detector = new CollisionDetector(new DetectionConfig(Duration.ofDays(3), 0.0,
            List.of()));
    private long ids = 1;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.empty(), Optional.empty()));
        store = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of(), Set.of()));
        reader = new JdbcArchiveReader(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Evidence ev(String lab, String modelId, String family, ReleaseDate date, ArticleKind kind,
                        String published, Optional<String> articleLab, String sentence) {
        long id = ids++;
        return new Evidence(id, id, "src-" + id, Optional.of(URI.create("https://x.example/" + id)), "t" + id, kind,
                lab, modelId, modelId, family, date, 0.8, sentence, id * 104_729L,
                Optional.of(Instant.parse(published + "T09:00:00Z")), articleLab);
    }

    private static ReleaseDate day(String d) {
        return ReleaseDate.ofDay(LocalDate.parse(d));
    }

    private List<Collision> detect(List<Evidence> evidence, List<CoRelease> co) throws Exception {
        List<ReleaseEvent> events = builder.build(evidence);
        List<Collision> collisions = detector.detect(events, co);
        store.saveDetection(events, collisions, NOW);
        return collisions;
    }

    private List<String> history(String collisionId) throws Exception {
        List<String> out = new ArrayList<>();
        reader.history(collisionId).forEach(h -> out.add(h.change() + ": " + h.detail()));
        return out;
    }

    @Test
    void ownLabPost_movesTheEvent_retractsTheOldPairAndCreatesTheNew() throws Exception {
        var news = ev("deepseek", "deepseek-v3", "deepseek-v3", day("2025-01-28"), ArticleKind.NEWS, "2025-01-30",
                Optional.empty(), "DeepSeek-V3, released on January 28");
        var qwen = ev("qwen", "qwen2.5-max", "qwen2.5-max", day("2025-01-28"), ArticleKind.LAB_POST, "2025-01-28",
                Optional.of("qwen"), "We release Qwen2.5-Max");
        var moonshot = ev("moonshot", "kimi-k1.5", "kimi-k1.5", day("2024-12-27"), ArticleKind.LAB_POST,
                "2024-12-27", Optional.of("moonshot"), "Kimi k1.5 released");
        Collision before = detect(List.of(news, qwen, moonshot), List.of()).get(0);

        var own = ev("deepseek", "deepseek-v3", "deepseek-v3", day("2024-12-26"), ArticleKind.LAB_POST,
                "2024-12-26", Optional.of("deepseek"), "DeepSeek-V3 发布 2024/12/26");
        List<Collision> after = detect(List.of(news, qwen, moonshot, own), List.of());

        assertThat(history(before.id())).last().asString().startsWith("RETRACTED: no longer holds:")
                .contains("moved from 2025-01-28 to 2024-12-26 by stronger evidence");
        assertThat(after).singleElement().satisfies(c -> {
            assertThat(c.a().lab() + "/" + c.b().lab()).isEqualTo("deepseek/moonshot");
            assertThat(history(c.id())).singleElement().asString().startsWith("CREATED: ");
        });
    }

    @Test
    void update_isItsOwnEvent_andTheLaunchKeepsItsCollision() throws Exception {
        var qwen3 = ev("qwen", "qwen3-235b-a22b", "qwen3", day("2025-04-29"), ArticleKind.LAB_POST, "2025-04-29",
                Optional.of("qwen"), "We release Qwen3-235B-A22B");
        var prover = ev("deepseek", "deepseek-prover-v2", "deepseek-prover-v2", day("2025-04-30"),
                ArticleKind.LAB_POST, "2025-04-30", Optional.of("deepseek"), "DeepSeek-Prover-V2 released");
        var kimi = ev("moonshot", "kimi-k2", "kimi-k2", day("2025-07-20"), ArticleKind.LAB_POST, "2025-07-20",
                Optional.of("moonshot"), "Kimi K2 update released");
        Collision launch = detect(List.of(qwen3, prover, kimi), List.of()).get(0);

        var update = ev("qwen", "qwen3-235b-a22b", "qwen3", day("2025-07-21"), ArticleKind.LAB_POST, "2025-07-21",
                Optional.of("qwen"), "We release the updated version of Qwen3-235B-A22B");
        List<Collision> after = detect(List.of(qwen3, prover, kimi, update), List.of());

        assertThat(after).extracting(Collision::id).contains(launch.id());
        assertThat(history(launch.id())).noneMatch(h -> h.startsWith("RETRACTED"));
        assertThat(after).anyMatch(c -> c.a().family().equals("kimi-k2")
                && c.b().family().equals("qwen3-update-2025-07"));
    }

    @Test
    void boundingOnly_undatesTheEvent_andRetractsItsCollisionSayingWhy() throws Exception {
        var max = ev("qwen", "qwen2.5-max", "qwen2.5-max", ReleaseDate.ofWeek(LocalDate.of(2025, 3, 12)),
                ArticleKind.NEWS, "2025-03-12", Optional.empty(), "since the launch of Qwen 2.5-Max");
        var v3 = ev("deepseek", "deepseek-v3-0324", "deepseek-v3-0324", day("2025-03-12"), ArticleKind.LAB_POST,
                "2025-03-12", Optional.of("deepseek"), "DeepSeek-V3-0324 released");
        // before issue 13 the bound set the date: the same week, one collision. Simulate that stored state.
        var asBefore = new Evidence(max.mentionId(), max.articleId(), max.sourceId(), max.link(), max.title(),
                max.kind(), max.lab(), max.modelId(), max.model(), max.family(), max.date(), max.confidence(),
                max.sentence(), max.fingerprint());
        Collision wrong = detect(List.of(asBefore, v3), List.of()).get(0);

        List<Collision> after = detect(List.of(max, v3), List.of());

        assertThat(after).isEmpty();
        assertThat(history(wrong.id())).last().asString().startsWith("RETRACTED: no longer holds:")
                .contains("now has only undated mentions");
    }

    @Test
    void genericToken_isNoEvent_andAFullPassRetractsItsCollision() throws Exception {
        var chat = ev("qwen", "qwen-chat", "qwen-chat", day("2025-03-12"), ArticleKind.NEWS, "2025-03-14",
                Optional.empty(), "QWEN CHAT is live");
        var v3 = ev("deepseek", "deepseek-v3-0324", "deepseek-v3-0324", day("2025-03-12"), ArticleKind.LAB_POST,
                "2025-03-12", Optional.of("deepseek"), "DeepSeek-V3-0324 released");
        // stored before issue 13: a collision with the app name, which the builder now drops
        ReleaseEvent chatEvent = new ReleaseEvent(ReleaseEvent.idFor("qwen", "qwen-chat"), "qwen", "qwen-chat",
                "QWEN CHAT", Optional.of(chat.date()), 0.8, 1, List.of(chat));
        List<ReleaseEvent> old = new ArrayList<>(builder.build(List.of(v3)));
        old.add(chatEvent);
        List<Collision> wrong = detector.detect(old, List.of());
        store.saveDetection(old, wrong, NOW);

        List<Collision> after = detect(List.of(chat, v3), List.of());

        assertThat(after).isEmpty();
        assertThat(history(wrong.get(0).id())).last().asString().contains("is no longer a release event");
    }

    @Test
    void reportedCoRelease_monthOnly_collidesAndSaysWhichStatement() throws Exception {
        var r1 = ev("deepseek", "deepseek-r1", "deepseek-r1", ReleaseDate.ofMonth(YearMonth.of(2025, 1)),
                ArticleKind.NEWS, "2025-06-01", Optional.empty(), "A look back at the winter launches ...");
        var k15 = ev("moonshot", "kimi-k1.5", "kimi-k1.5", ReleaseDate.ofMonth(YearMonth.of(2025, 1)),
                ArticleKind.NEWS, "2025-06-01", Optional.empty(), "A look back at the winter launches ...");
        String statement = "That winter DeepSeek and Moonshot shipped their reasoners within hours of each other.";
        var co = new CoRelease("deepseek", "deepseek-r1", "moonshot", "kimi-k1.5", 0, statement);

        assertThat(detect(List.of(r1, k15), List.of())).as("month-only dates never collide alone").isEmpty();
        List<Collision> after = detect(List.of(r1, k15), List.of(co));

        assertThat(after).singleElement().satisfies(c -> {
            assertThat(c.reported()).isTrue();
            assertThat(c.statement()).contains(statement);
            assertThat(history(c.id())).singleElement().asString().contains("reported as simultaneous")
                    .contains(statement);
        });
    }
}
