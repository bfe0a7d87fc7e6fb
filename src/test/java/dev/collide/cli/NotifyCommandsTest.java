package dev.collide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.collide.config.DatabaseConfig;
import dev.collide.config.DetectionConfig;
import dev.collide.detect.CollisionDetector;
import dev.collide.detect.EventBuilder;
import dev.collide.extract.Extraction;
import dev.collide.extract.Mention;
import dev.collide.extract.ReleaseDate;
import dev.collide.source.Article;
import dev.collide.source.ArticleKind;
import dev.collide.store.Database;
import dev.collide.store.JdbcArticleStore;
import dev.collide.store.JdbcEventStore;
import dev.collide.store.OutboxPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyCommandsTest {
    private static final Instant DETECTED = Instant.parse("2026-04-24T10:00:00Z");

    @TempDir
    Path dir;

    private String dbUrl;

    @BeforeEach
    void fill() throws Exception {
        Files.writeString(dir.resolve("collide.yml"), "");
        Files.copy(Path.of("config/labs.yml"), dir.resolve("labs.yml"));
        dbUrl = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        try (Database db = Database.open(new DatabaseConfig(dbUrl, Optional.empty(), Optional.empty()))) {
            var articles = new JdbcArticleStore(db.dataSource());
            var events = new JdbcEventStore(db.dataSource(), new OutboxPolicy(List.of("slack"), Set.of()));
            save(articles, "DeepSeek ships V4 <script>alert(1)</script>", "https://wire.example/deepseek-v4",
                    "deepseek", "deepseek-v4", "DeepSeek V4", LocalDate.of(2026, 4, 24));
            save(articles, "Moonshot releases Kimi K2.6 & <!channel>", "https://wire.example/kimi-k2.6",
                    "moonshot", "kimi-k2.6", "Kimi K2.6", LocalDate.of(2026, 4, 25));
            var built = new EventBuilder().build(events.loadReleaseEvidence());
            events.saveDetection(built, new CollisionDetector(DetectionConfig.defaults()).detect(built,
                    events.loadCoReleases()), DETECTED);
        }
    }

    private static void save(JdbcArticleStore articles, String title, String url, String lab, String family,
                             String model, LocalDate day) throws Exception {
        var article = new Article("wire", url, Optional.of(URI.create(url)), title, "", Optional.of(DETECTED),
                ArticleKind.NEWS, Optional.empty(), List.of());
        articles.save(article, url.hashCode(), new Extraction(List.of(new Mention(lab, family, model, family, true,
                ReleaseDate.ofDay(day), 0.9, model + " was released")), List.of()), DETECTED);
    }

    private String run(String... args) {
        var cli = Main.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        List<String> all = new java.util.ArrayList<>(List.of("--config", dir.toString(), "--db", dbUrl));
        all.addAll(List.of(args));
        int code = cli.execute(all.toArray(String[]::new));
        assertThat(code).isZero();
        return out.toString();
    }

    @Test
    void digestPreview_writesEscapedHtmlToStdout() {
        String html = run("digest", "--preview", "--date", "2026-04-25");

        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains("<h1>Collide digest 2026-04-25: 1 new collision, 2 new releases</h1>");
        assertThat(html).contains("<a href=\"https://wire.example/deepseek-v4\">DeepSeek ships V4"
                + " &lt;script&gt;alert(1)&lt;/script&gt;</a>");
        assertThat(html).doesNotContain("<script>");
    }

    @Test
    void outbox_listsPendingAlertAsJson() {
        String json = run("outbox", "--status", "pending", "--format", "json");

        assertThat(json).contains("\"channel\" : \"slack\"", "\"subjectKind\" : \"COLLISION\"",
                "\"status\" : \"PENDING\"", "\"dedupKey\" : \"history-1\"");
    }

    @Test
    void outboxRetry_nothingFailed_saysNoneChanged() {
        String out = run("outbox", "--retry-failed");

        assertThat(out).isEqualTo("0 failed message(s) pending again; the running daemon sends them within"
                + " 15 seconds\n");
    }
}
