package dev.collide.notify;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.DetectionConfig;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.detect.ReleaseEvent;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.store.Database;
import dev.collide.store.JdbcArchiveReader;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.OutboxPolicy;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A real H2 archive filled through the real store and detector, as the pipeline would: articles with release
 * mentions, then a detection run that writes collisions and their outbox rows.
 */
final class TestArchive implements AutoCloseable {
    final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    final Database db;
    final JdbcArticleStore articles;
    final JdbcEventStore events;
    final JdbcArchiveReader reader;

    TestArchive(List<String> channels, Set<String> watched) throws Exception {
        db = Database.open(new DatabaseConfig(url, Optional.empty(), Optional.empty()));
        articles = new JdbcArticleStore(db.dataSource());
        events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(channels, watched));
        reader = new JdbcArchiveReader(db.dataSource());
    }

    /** One news article reporting one release. */
    void release(String source, String title, String url, String lab, String family, String model, LocalDate day,
                 Instant fetchedAt) throws Exception {
        release(ArticleKind.NEWS, source, title, url, lab, family, model, day, fetchedAt);
    }

    /** A release reported by {@code kind} of article; a lab's own post outranks news when dating an event. */
    void release(ArticleKind kind, String source, String title, String url, String lab, String family, String model,
                 LocalDate day, Instant fetchedAt) throws Exception {
        var article = new Article(source, url, Optional.of(URI.create(url)), title, "text", Optional.of(fetchedAt),
                kind, kind == ArticleKind.LAB_POST ? Optional.of(lab) : Optional.empty(), List.of());
        var mention = new Mention(lab, family, model, family, true, ReleaseDate.ofDay(day), 0.9,
                model + " was released");
        articles.save(article, url.hashCode(), new Extraction(List.of(mention), List.of()), fetchedAt);
    }

    /** The standard pair: DeepSeek V4 on 24 April and Kimi K2.6 on 25 April, a collision within 72 hours. */
    void deepSeekAndKimi(Instant at) throws Exception {
        release("wire", "DeepSeek ships V4", "https://wire.example/deepseek-v4", "deepseek", "deepseek-v4",
                "DeepSeek V4", LocalDate.of(2026, 4, 24), at);
        release("wire", "Moonshot releases Kimi K2.6", "https://wire.example/kimi-k2.6", "moonshot", "kimi-k2.6",
                "Kimi K2.6", LocalDate.of(2026, 4, 25), at);
        detect(at);
    }

    void detect(Instant at) throws Exception {
        List<ReleaseEvent> built = new EventBuilder().build(events.loadReleaseEvidence());
        var collisions = new CollisionDetector(DetectionConfig.defaults()).detect(built, events.loadCoReleases());
        events.saveDetection(built, collisions, at);
    }

    @Override
    public void close() {
        db.close();
    }
}
