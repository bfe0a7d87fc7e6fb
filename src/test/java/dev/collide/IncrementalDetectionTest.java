package dev.collide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.DetectionConfig;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.CoRelease;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.store.ArchiveQuery;
import dev.collide.store.Database;
import dev.collide.store.DetectionLock;
import dev.collide.store.JdbcArchiveReader;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.OutboxPolicy;
import dev.collide.store.StoredCollision;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Incremental detection must end where a full re-detection over the same evidence ends. */
class IncrementalDetectionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-25T10:00:00Z"), ZoneOffset.UTC);

    private record Archive(Database db, JdbcArticleStore articles, JdbcEventStore events, JdbcArchiveReader reader,
                           Pipeline pipeline) {
    }

    private static Archive open() throws Exception {
        Database db = Database.open(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.empty(), Optional.empty()));
        var articles = new JdbcArticleStore(db.dataSource());
        var events = new JdbcEventStore(db.dataSource(), OutboxPolicy.NONE);
        return new Archive(db, articles, events, new JdbcArchiveReader(db.dataSource()),
                pipeline(db, articles, events, DetectionConfig.defaults()));
    }

    /** A pipeline with no sources over the archive: evidence is stored directly, detection is what is tested. */
    private static Pipeline pipeline(Database db, JdbcArticleStore articles, JdbcEventStore events,
                                     DetectionConfig detection) {
        return new Pipeline(Map.of(), a -> Extraction.EMPTY, a -> 0L, articles,
                new JdbcSourceStateStore(db.dataSource()), events, new EventBuilder(), new CollisionDetector(detection),
                new DetectionLock(db.dataSource(), false), CLOCK);
    }

    private static Set<String> activeCollisions(Archive archive) throws Exception {
        return archive.reader().collisions(ArchiveQuery.all(), Optional.empty(), false).stream()
                .map(c -> c.id() + "@" + c.a().date().orElse(null) + "/" + c.b().date().orElse(null) + "/" + c.tier()
                        + "/" + c.reported())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void store(Archive archive, int n, String lab, String family, LocalDate day, ArticleKind kind,
                              List<CoRelease> co) throws Exception {
        var article = new Article("src", "guid-" + n, Optional.of(URI.create("https://news.example/" + n)), "t",
                "x", Optional.of(CLOCK.instant()), kind, Optional.empty(), List.of());
        var mention = new Mention(lab, family, family, family, true, ReleaseDate.ofDay(day), 0.9, "s" + n);
        archive.articles().save(article, n * 7919L, new Extraction(List.of(mention), co), CLOCK.instant());
    }

    @Test
    void detect_inBatches_equalsFullDetection() throws Exception {
        Archive incremental = open();
        Archive full = open();
        Random random = new Random(7);
        String[] labs = {"deepseek", "moonshot", "qwen", "zhipu", "minimax"};
        int n = 0;
        for (int batch = 0; batch < 12; batch++) {
            for (int i = 0; i < 15; i++) {
                n++;
                String lab = labs[random.nextInt(labs.length)];
                String family = lab + "-m" + random.nextInt(25);
                LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(120));
                // later lab posts move some dates: corrections must retract and re-create
                ArticleKind kind = random.nextInt(4) == 0 ? ArticleKind.LAB_POST : ArticleKind.NEWS;
                List<CoRelease> co = random.nextInt(10) == 0
                        ? List.of(new CoRelease(lab, family, "moonshot", "moonshot-m1", 0, "same day")) : List.of();
                if (co.size() == 1 && lab.equals("moonshot") && family.equals("moonshot-m1")) {
                    co = List.of();
                }
                store(incremental, n, lab, family, day, kind, co);
                store(full, n, lab, family, day, kind, co);
            }
            incremental.pipeline().detect();
        }
        full.pipeline().detectAll();

        Set<String> expected = activeCollisions(full);
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(activeCollisions(incremental)).isEqualTo(expected);
        incremental.db().close();
        full.db().close();
    }

    @Test
    void detect_twoMereMentions_giveNoCollision() throws Exception {
        Archive archive = open();
        var labs = dev.collide.config.ConfigLoader.fromEnvironment()
                .loadWithoutSources(java.nio.file.Path.of("config")).labs();
        var extractor = new dev.collide.extract.DictionaryExtractor(labs);
        String[] texts = {"GLM-4.6 runs on a single workstation with four GPUs, users report.",
            "In our benchmarks DeepSeek-V3.2 trails Claude on coding, and Mistral is expected to ship a larger model"
                + " next quarter."};
        for (int i = 0; i < texts.length; i++) {
            var article = new Article("wire", "m" + i, Optional.of(URI.create("https://wire.example/m" + i)),
                    "Hands-on", texts[i], Optional.of(CLOCK.instant()), ArticleKind.NEWS, Optional.empty(),
                    List.of());
            Extraction extraction = extractor.extract(article);
            assertThat(extraction.mentions()).isNotEmpty().noneMatch(Mention::release);
            archive.articles().save(article, i + 1, extraction, CLOCK.instant());
        }

        DetectionReport report = archive.pipeline().detect();

        assertThat(report.events()).isZero();
        assertThat(archive.reader().collisions(ArchiveQuery.all(), Optional.empty(), false)).isEmpty();
        archive.db().close();
    }

    @Test
    void detectOnStart_fullPassOnlyWhenSettingsChanged() throws Exception {
        Archive archive = open();
        store(archive, 1, "deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24), ArticleKind.LAB_POST, List.of());
        store(archive, 2, "moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20), ArticleKind.LAB_POST, List.of());

        DetectionReport first = archive.pipeline().detectOnStart();
        DetectionReport restart = archive.pipeline().detectOnStart();
        var narrow = pipeline(archive.db(), archive.articles(), archive.events(),
                DetectionConfig.defaults().withWindow(java.time.Duration.ofDays(3)));
        DetectionReport narrowed = narrow.detectOnStart();

        assertThat(first.evidence()).isEqualTo(2);
        assertThat(first.created()).isEqualTo(1);
        assertThat(restart.evidence()).isZero(); // same settings: nothing new, no full pass
        assertThat(narrowed.evidence()).isEqualTo(2); // a 3-day window: full pass, the 4-day gap no longer holds
        assertThat(narrowed.retracted()).isEqualTo(1);
        assertThat(archive.events().appliedDetectionSettings()).get().asString().startsWith("window=PT72H");
        archive.db().close();
    }

    @Test
    void detect_nothingNew_touchesNothing() throws Exception {
        Archive archive = open();
        store(archive, 1, "deepseek", "deepseek-r1", LocalDate.of(2025, 1, 20), ArticleKind.LAB_POST, List.of());
        store(archive, 2, "moonshot", "kimi-k1.5", LocalDate.of(2025, 1, 20), ArticleKind.LAB_POST, List.of());

        DetectionReport first = archive.pipeline().detect();
        DetectionReport second = archive.pipeline().detect();

        assertThat(first.created()).isEqualTo(1);
        assertThat(second).isEqualTo(new DetectionReport(0, 0, 0, 0, 0, 0, 0));
        List<StoredCollision> collisions = archive.reader().collisions(ArchiveQuery.all(), Optional.empty(), false);
        assertThat(collisions).singleElement().extracting(c -> c.tier().name()).isEqualTo("SAME_DAY");
        archive.db().close();
    }

    @Test
    void detect_newEvidenceMovesDate_retractsOnlyThatCollision() throws Exception {
        Archive archive = open();
        store(archive, 1, "deepseek", "deepseek-v4", LocalDate.of(2026, 4, 24), ArticleKind.NEWS, List.of());
        store(archive, 2, "moonshot", "kimi-k2.6", LocalDate.of(2026, 4, 20), ArticleKind.NEWS, List.of());
        store(archive, 3, "qwen", "qwen3", LocalDate.of(2025, 4, 29), ArticleKind.NEWS, List.of());
        store(archive, 4, "deepseek", "deepseek-prover-v2", LocalDate.of(2025, 4, 30), ArticleKind.NEWS, List.of());
        archive.pipeline().detect();

        store(archive, 5, "deepseek", "deepseek-v4", LocalDate.of(2026, 5, 9), ArticleKind.LAB_POST, List.of());
        DetectionReport report = archive.pipeline().detect();

        assertThat(report.events()).isEqualTo(1);
        assertThat(report.retracted()).isEqualTo(1);
        assertThat(archive.reader().collisions(ArchiveQuery.all(), Optional.empty(), false))
                .extracting(c -> c.a().family() + "+" + c.b().family()).containsExactly("qwen3+deepseek-prover-v2");
        archive.db().close();
    }

    @Test
    void detect_previewArrivingAfterItsPlainName_retractsThePlainNamesCollisionAsFullDetectionWould()
            throws Exception {
        Archive incremental = open();
        Archive full = open();
        for (Archive a : List.of(incremental, full)) {
            storeModel(a, 1, "deepseek", "deepseek-v9", "deepseek-v9", LocalDate.of(2026, 4, 24));
            storeModel(a, 2, "moonshot", "kimi-k9", "kimi-k9", LocalDate.of(2026, 4, 22));
        }
        incremental.pipeline().detect();
        String plainPair = dev.collide.detect.Collision.idFor(ReleaseEvent.idFor("deepseek", "deepseek-v9"),
                ReleaseEvent.idFor("moonshot", "kimi-k9"));
        assertThat(activeCollisions(incremental)).singleElement().asString().startsWith(plainPair);
        for (Archive a : List.of(incremental, full)) {
            storeModel(a, 3, "deepseek", "deepseek-v9-preview", "deepseek-v9", LocalDate.of(2026, 4, 24));
        }

        incremental.pipeline().detect();
        full.pipeline().detectAll();

        assertThat(activeCollisions(incremental)).isEqualTo(activeCollisions(full)).singleElement().asString()
                .startsWith(dev.collide.detect.Collision.idFor(ReleaseEvent.idFor("deepseek", "deepseek-v9-preview"),
                        ReleaseEvent.idFor("moonshot", "kimi-k9")));
        assertThat(incremental.reader().history(plainPair)).extracting(h -> h.change() + ": " + h.detail())
                .last().asString().startsWith("RETRACTED: no longer holds: event "
                        + ReleaseEvent.idFor("deepseek", "deepseek-v9") + " (was 2026-04-24) is no longer a release");
        incremental.db().close();
        full.db().close();
    }

    private static void storeModel(Archive archive, int n, String lab, String modelId, String family, LocalDate day)
            throws Exception {
        var article = new Article("src", "guid-" + n, Optional.of(URI.create("https://news.example/" + n)), "t",
                "x", Optional.of(CLOCK.instant()), ArticleKind.NEWS, Optional.empty(), List.of());
        var mention = new Mention(lab, modelId, modelId, family, true, ReleaseDate.ofDay(day), 0.9, "s" + n);
        archive.articles().save(article, n * 7919L, new Extraction(List.of(mention), List.of()), CLOCK.instant());
    }
}
