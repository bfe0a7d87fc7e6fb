package dev.collide.web;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.DetectionConfig;
import dev.collide.config.Lab;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.store.Database;
import dev.collide.store.JdbcArchiveReader;
import dev.collide.store.JdbcArchiveStats;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.JdbcSourceStateStore;
import dev.collide.store.OutboxPolicy;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A crowded real archive (H2 in memory) for the timeline: {@code count} release events of 14 labs over two years,
 * seeded through the real article store, event builder and collision detector, with names of the lengths real ones
 * have (from "Yi 2" to "Nemotron Ultra 253B Instruct"). Fixed seed, so a failure can be replayed.
 */
final class CrowdedArchive implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-06-30T10:00:00Z");
    private static final String[][] LABS = {
        {"deepseek", "DeepSeek", "DeepSeek"}, {"moonshot", "Moonshot AI", "Kimi"}, {"qwen", "Qwen", "Qwen"},
        {"zhipu", "Zhipu AI", "GLM"}, {"minimax", "MiniMax", "MiniMax"}, {"openai", "OpenAI", "GPT"},
        {"anthropic", "Anthropic", "Claude"}, {"google", "Google DeepMind", "Gemini"}, {"meta", "Meta", "Llama"},
        {"mistral", "Mistral AI", "Mistral"}, {"xai", "xAI", "Grok"}, {"nvidia", "NVIDIA", "Nemotron"},
        {"yi", "01.AI", "Yi"}, {"bytedance", "ByteDance Seed", "Doubao"}};
    private static final String[] SUFFIXES = {"", "", " Instruct", " Turbo", " Mini", "-Preview", " Flash",
        " Ultra 253B Instruct", " Coder", " VL", " 0528", " Pro"};

    final Database db;
    final Archive archive;
    final List<Lab> labs = new ArrayList<>();

    CrowdedArchive(int count) throws Exception {
        for (String[] l : LABS) {
            labs.add(new Lab(l[0], l[1], List.of(l[2]), List.of(), List.of(), List.of()));
        }
        db = Database.open(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                Optional.empty(), Optional.empty()));
        var articles = new JdbcArticleStore(db);
        var events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of(), Set.of()));
        archive = new Archive(new JdbcArchiveReader(db.dataSource()), articles,
                new JdbcSourceStateStore(db.dataSource()), new JdbcArchiveStats(db.dataSource()), labs);
        Random random = new Random(20260630L);
        LocalDate start = LocalDate.of(2024, 7, 1);
        for (int i = 0; i < count; i++) {
            String[] lab = LABS[random.nextInt(LABS.length)];
            String model = lab[2] + " " + (1 + i / 40) + "." + (i % 10) + SUFFIXES[random.nextInt(SUFFIXES.length)];
            String family = (lab[0] + "-" + i).toLowerCase();
            LocalDate day = start.plusDays(random.nextInt(730));
            Article article = new Article("wire", "crowd-" + i, Optional.of(URI.create("https://wire.example/" + i)),
                    lab[1] + " releases " + model, model + " is out.",
                    Optional.of(day.atTime(9, 0).toInstant(ZoneOffset.UTC)), ArticleKind.NEWS, Optional.empty(),
                    List.of());
            articles.save(article, i, new Extraction(List.of(new Mention(lab[0], family, model, family, true,
                    ReleaseDate.ofDay(day), 0.9, model + " was released on " + day)), List.of()), NOW);
        }
        var built = new EventBuilder().build(events.loadReleaseEvidence());
        var collisions = new CollisionDetector(DetectionConfig.defaults()).detect(built, events.loadCoReleases());
        events.saveDetection(built, collisions, NOW);
    }

    @Override
    public void close() {
        db.close();
    }
}
