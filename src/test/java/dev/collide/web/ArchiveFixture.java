package dev.collide.web;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.DetectionConfig;
import dev.collide.config.Lab;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.fetch.Validators;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.store.Database;
import dev.collide.store.JdbcArchiveReader;
import dev.collide.store.JdbcArchiveStats;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.OutboxPolicy;
import dev.collide.store.SourceHealth;
import dev.collide.store.StoredCollision;
import dev.collide.store.StoredEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A small real archive (H2 in memory) seeded through the real stores, event builder and collision detector: DeepSeek
 * V4 on 2026-04-24 and Kimi K2.6 on 2026-04-20 (one collision, 4 days apart), Qwen 3.5 on 2026-03-02 (alone), and a
 * hostile article whose title carries a script tag and whose link is {@code javascript:}.
 */
final class ArchiveFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-04-25T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String HOSTILE_TITLE = "<script>alert('x')</script> DeepSeek V4 & friends";
    static final List<Lab> LABS = List.of(lab("deepseek", "DeepSeek"), lab("moonshot", "Moonshot AI"),
            lab("qwen", "Qwen"));

    final Database db;
    final Archive archive;

    ArchiveFixture() throws Exception {
        db = Database.open(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.empty(), Optional.empty()));
        var articles = new JdbcArticleStore(db);
        var events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of("slack"), Set.of()));
        var sources = new JdbcSourceStateStore(db.dataSource());
        archive = new Archive(new JdbcArchiveReader(db.dataSource()), articles, sources,
                new JdbcArchiveStats(db.dataSource()), LABS);

        articles.save(article("wire", "ds-1", "https://wire.example/deepseek-v4", "DeepSeek releases V4 weights",
                "The Chinese lab published DeepSeek V4 under an open licence.", LocalDate.of(2026, 4, 24)), 11,
                release("deepseek", "deepseek-v4", "DeepSeek V4", LocalDate.of(2026, 4, 24)), NOW);
        articles.save(article("digest", "ds-2", "javascript:alert(1)", HOSTILE_TITLE, "Roundup of the week.",
                LocalDate.of(2026, 4, 24)), 12,
                release("deepseek", "deepseek-v4", "DeepSeek V4", LocalDate.of(2026, 4, 24)), NOW);
        articles.save(article("wire", "kimi-1", "https://wire.example/kimi-k2-6", "Moonshot ships Kimi K2.6",
                "Kimi K2.6 is an agentic coding model from Moonshot.", LocalDate.of(2026, 4, 20)), 13,
                release("moonshot", "kimi-k2.6", "Kimi K2.6", LocalDate.of(2026, 4, 20)), NOW);
        articles.save(article("wire", "qwen-1", "https://wire.example/qwen-3-5", "Alibaba launches Qwen 3.5",
                "Qwen 3.5 arrives with a mixture of experts.", LocalDate.of(2026, 3, 2)), 14,
                release("qwen", "qwen-3.5", "Qwen 3.5", LocalDate.of(2026, 3, 2)), NOW);

        var built = new EventBuilder().build(events.loadReleaseEvidence());
        var collisions = new CollisionDetector(DetectionConfig.defaults()).detect(built, events.loadCoReleases());
        events.saveDetection(built, collisions, NOW);

        sources.save(new SourceHealth("wire", Validators.NONE, Optional.of(NOW), Optional.of(NOW),
                Optional.of(NOW), "ok", Optional.empty(), 0, Optional.of(NOW.plusSeconds(1800)), 10, 4, 3));
        sources.save(new SourceHealth("digest", Validators.NONE, Optional.of(NOW), Optional.empty(),
                Optional.empty(), "failed", Optional.of("HTTP 503 from digest.example"), 2, Optional.empty(), 5, 0,
                1));
    }

    StoredEvent event(String lab) throws Exception {
        return archive.events().events(dev.collide.store.ArchiveQuery.all()).stream()
                .filter(e -> e.lab().equals(lab)).findFirst().orElseThrow();
    }

    StoredCollision collision() throws Exception {
        return archive.events().collisions(dev.collide.store.ArchiveQuery.all(), Optional.empty(), false).get(0);
    }

    @Override
    public void close() {
        db.close();
    }

    private static Lab lab(String id, String name) {
        return new Lab(id, name, List.of(name), List.of(), List.of(), List.of());
    }

    private static Article article(String source, String guid, String url, String title, String text,
                                   LocalDate day) {
        return new Article(source, guid, Optional.of(URI.create(url)), title, text,
                Optional.of(day.atTime(9, 0).toInstant(ZoneOffset.UTC)), ArticleKind.NEWS, Optional.empty(),
                List.of());
    }

    private static Extraction release(String lab, String family, String model, LocalDate day) {
        return new Extraction(List.of(new Mention(lab, family, model, family, true, ReleaseDate.ofDay(day), 0.9,
                model + " was released on " + day)), List.of());
    }
}
